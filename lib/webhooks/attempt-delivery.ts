// One attempt of a claimed delivery: sign, POST, record the attempt, and schedule what follows
// (success; a retry after backoff; failed after the 8th attempt; the endpoint paused and its
// owners emailed after 3 days of failures). A test event is tried once: its outcome is the answer
// its sender waits for, and a failed test neither retries nor counts against the endpoint.
import "server-only";
import { db } from "@/lib/db";
import { systemActor } from "@/lib/audit/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { log } from "@/lib/log";
import { emailOwnersAboutPause } from "@/lib/webhooks/email-owners-about-pause";
import { TEST_EVENT_TYPE } from "@/lib/webhooks/event-types";
import { DELIVERY_TIMEOUT_MS, type PostResult } from "@/lib/webhooks/post-webhook";
import { signingSecrets } from "@/lib/webhooks/secret";
import { signatureHeaders } from "@/lib/webhooks/sign";
import { postOf, type WorkerOptions } from "@/lib/webhooks/worker-options";

/** Delays after attempts 1..7 (before jitter): about 23 hours in all, then the 8th attempt is the last. */
export const BACKOFF_MS = [10e3, 60e3, 5 * 60e3, 30 * 60e3, 2 * 3600e3, 6 * 3600e3, 14 * 3600e3];
export const MAX_ATTEMPTS = BACKOFF_MS.length + 1;
/** An endpoint failing this long without a single success is paused and its organization's owners emailed. */
export const PAUSE_AFTER_MS = 3 * 24 * 3600e3;
/** A claimed delivery is invisible to other workers this long (longer than a request may take). */
export const LEASE_MS = DELIVERY_TIMEOUT_MS + 50_000;

/** ±20 % jitter so endpoints that failed together do not retry together. */
export function backoffDelay(attempts: number, random: () => number = Math.random): number {
  const base = BACKOFF_MS[Math.min(attempts, BACKOFF_MS.length) - 1] ?? BACKOFF_MS[0];
  return Math.round(base * (0.8 + 0.4 * random()));
}

export type AttemptOutcome = { result: PostResult; paused: boolean };

export async function attemptDelivery(deliveryId: string, t: Date, options: WorkerOptions = {}): Promise<AttemptOutcome> {
  const d = await db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId }, include: { event: true, endpoint: true } });
  const ep = d.endpoint;
  // The envelope's keys in their documented order (jsonb on PostgreSQL stores them sorted by length).
  const { id, type, created_at, organization, data } = d.event.payload as Record<string, unknown>;
  const body = JSON.stringify({ id, type, created_at, organization, data });
  let result: PostResult;
  try {
    const headers = signatureHeaders(d.event.id, t, body, signingSecrets(ep, t));
    result = await postOf(options)(ep.url, body, headers, options.postOptions);
  } catch (e) {
    result = { ok: false, statusCode: null, durationMs: 0, responseExcerpt: null, error: (e as Error).message };
  }
  const attempts = d.attempts + 1;
  const isTest = d.event.type === TEST_EVENT_TYPE;
  let paused = false;
  await db.$transaction(async (tx) => {
    await tx.webhookAttempt.create({
      data: { deliveryId, at: t, statusCode: result.statusCode, durationMs: result.durationMs, responseExcerpt: result.responseExcerpt, error: result.error?.slice(0, 1000) ?? null },
    });
    if (result.ok) {
      await tx.webhookDelivery.update({ where: { id: deliveryId }, data: { status: "succeeded", attempts, lastAttemptAt: t } });
      if (ep.failingSince) await tx.webhookEndpoint.update({ where: { id: ep.id }, data: { failingSince: null } });
      return;
    }
    const last = isTest || attempts >= MAX_ATTEMPTS;
    await tx.webhookDelivery.update({
      where: { id: deliveryId },
      data: last ? { status: "failed", attempts, lastAttemptAt: t } : { attempts, lastAttemptAt: t, nextAttemptAt: new Date(t.getTime() + backoffDelay(attempts, options.random)) },
    });
    if (isTest) return;
    const failingSince = ep.failingSince ?? t;
    if (!ep.failingSince) await tx.webhookEndpoint.update({ where: { id: ep.id }, data: { failingSince } });
    if (t.getTime() - failingSince.getTime() >= PAUSE_AFTER_MS) {
      const reason = `Paused automatically: every delivery failed since ${failingSince.toISOString()}.`;
      const { count } = await tx.webhookEndpoint.updateMany({ where: { id: ep.id, enabled: true }, data: { enabled: false, pausedReason: reason } });
      if (count > 0) {
        paused = true;
        await recordAuditEvent(tx, {
          organizationId: ep.organizationId, actor: systemActor("webhooks"), action: "webhook.paused", targetType: "webhook", targetId: ep.id,
          metadata: { url: ep.url, failing_since: failingSince.toISOString(), last_error: result.error ?? `HTTP ${result.statusCode}` },
        });
      }
    }
  });
  if (paused) await emailOwnersAboutPause(ep.organizationId, ep.url, result).catch((e) => log.error({ err: e, endpointId: ep.id }, "could not email owners about a paused webhook"));
  return { result, paused };
}
