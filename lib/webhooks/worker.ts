// The delivery worker. All of its state is in the database (deliveries and their next attempt time),
// so a restart resumes where the last process stopped. Per endpoint, deliveries go strictly in order:
// only the oldest pending delivery of an endpoint may be sent, and it is claimed with a short lease
// (its nextAttemptAt moved past the request deadline), so no two are in flight for one endpoint, even
// with several server processes. Time comes from `now()` so tests advance a clock instead of sleeping.
import { db } from "@/lib/db";
import { systemActor } from "@/lib/audit/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { keyInclude, serializeKey } from "@/lib/keys/serialize-key";
import { log } from "@/lib/log";
import { escapeHtml, sendMail } from "@/lib/mail/send-mail";
import { recordWebhookEvent } from "@/lib/webhooks/events";
import { DELIVERY_TIMEOUT_MS, postWebhook, type PostOptions, type PostResult } from "@/lib/webhooks/post-webhook";
import { signingSecrets } from "@/lib/webhooks/secret";
import { signatureHeaders } from "@/lib/webhooks/sign";
import { onWebhookNudge } from "@/lib/webhooks/worker-signal";

export type Clock = () => Date;

/** Delays after attempts 1..7 (before jitter): about 23 hours in all, then the 8th attempt is the last. */
export const BACKOFF_MS = [10e3, 60e3, 5 * 60e3, 30 * 60e3, 2 * 3600e3, 6 * 3600e3, 14 * 3600e3];
export const MAX_ATTEMPTS = BACKOFF_MS.length + 1;
/** An endpoint failing this long without a single success is paused and its organization's owners emailed. */
export const PAUSE_AFTER_MS = 3 * 24 * 3600e3;
/** A claimed delivery is invisible to other workers this long (longer than a request may take). */
const LEASE_MS = DELIVERY_TIMEOUT_MS + 50_000;
const DAY = 24 * 3600e3;
export const EXPIRY_WARNINGS_DAYS = [14, 1] as const;
export const EVENT_RETENTION_DAYS = 30;

export type WorkerOptions = {
  /** The time, or a function that tells it (tests move it forward instead of sleeping). */
  now?: Clock | Date;
  /** Returns a number in [0, 1): the jitter. */
  random?: () => number;
  post?: (url: string, body: string, headers: Record<string, string>, opts?: PostOptions) => Promise<PostResult>;
  postOptions?: PostOptions;
  /** Endpoints served at once (each endpoint itself strictly one at a time). */
  concurrency?: number;
  /** At most this many of those lanes serve one organization's endpoints at a time (one slow tenant cannot take them all). */
  perOrganization?: number;
};

/** ±20 % jitter so endpoints that failed together do not retry together. */
export function backoffDelay(attempts: number, random: () => number = Math.random): number {
  const base = BACKOFF_MS[Math.min(attempts, BACKOFF_MS.length) - 1] ?? BACKOFF_MS[0]!;
  return Math.round(base * (0.8 + 0.4 * random()));
}

export type RunSummary = { attempted: number; succeeded: number; failed: number; paused: string[] };

export function createWebhookWorker(options: WorkerOptions = {}) {
  const given = options.now;
  const now: Clock = given instanceof Date ? () => given : (given ?? (() => new Date()));
  const random = options.random ?? Math.random;
  const post = options.post ?? postWebhook;
  const concurrency = options.concurrency ?? 8;
  const perOrganization = options.perOrganization ?? 2;
  const inFlight = new Set<string>();

  /** One attempt of a claimed delivery; records it and schedules what follows. Returns whether it succeeded. */
  async function attempt(deliveryId: string, t: Date, summary: RunSummary): Promise<boolean> {
    const d = await db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId }, include: { event: true, endpoint: true } });
    const ep = d.endpoint;
    // The envelope's keys in their documented order (jsonb on PostgreSQL stores them sorted by length).
    const { id, type, created_at, organization, data } = d.event.payload as Record<string, unknown>;
    const body = JSON.stringify({ id, type, created_at, organization, data });
    let result: PostResult;
    try {
      const headers = signatureHeaders(d.event.id, t, body, signingSecrets(ep, t));
      result = await post(ep.url, body, headers, options.postOptions);
    } catch (e) {
      result = { ok: false, statusCode: null, durationMs: 0, responseExcerpt: null, error: (e as Error).message };
    }
    const attempts = d.attempts + 1;
    summary.attempted++;
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
      const last = attempts >= MAX_ATTEMPTS;
      await tx.webhookDelivery.update({
        where: { id: deliveryId },
        data: last ? { status: "failed", attempts, lastAttemptAt: t } : { attempts, lastAttemptAt: t, nextAttemptAt: new Date(t.getTime() + backoffDelay(attempts, random)) },
      });
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
    if (result.ok) summary.succeeded++;
    else summary.failed++;
    if (paused) {
      summary.paused.push(ep.id);
      await emailOwnersAboutPause(ep.organizationId, ep.url, result).catch((e) => log.error({ err: e, endpointId: ep.id }, "could not email owners about a paused webhook"));
    }
    return result.ok;
  }

  /** Sends this endpoint's due deliveries in order, stopping at the first failure (later ones wait). */
  async function drainEndpoint(endpointId: string, summary: RunSummary, maxPerEndpoint: number) {
    if (inFlight.has(endpointId)) return;
    inFlight.add(endpointId);
    try {
      for (let i = 0; i < maxPerEndpoint; i++) {
        const t = now();
        const head = await db.webhookDelivery.findFirst({
          where: { endpointId, status: "pending" },
          orderBy: [{ createdAt: "asc" }, { eventId: "asc" }],
          include: { endpoint: { select: { enabled: true } } },
        });
        if (!head || !head.endpoint.enabled || head.nextAttemptAt > t) return;
        // The claim: only the worker whose conditional update matched sends it.
        const { count } = await db.webhookDelivery.updateMany({
          where: { id: head.id, status: "pending", nextAttemptAt: { lte: t } },
          data: { nextAttemptAt: new Date(t.getTime() + LEASE_MS) },
        });
        if (count === 0) return;
        if (!(await attempt(head.id, t, summary))) return;
      }
    } finally {
      inFlight.delete(endpointId);
    }
  }

  /**
   * One pass: every endpoint with a due delivery, a few at a time, at most `perOrganization` lanes per
   * organization: a tenant whose receivers hang (10 s timeouts) slows only itself. A lane takes the
   * first queued endpoint whose organization has a free slot, and ends when none has: the lanes still
   * serving those organizations take the rest of their endpoints.
   */
  async function runDueDeliveries(opts: { limit?: number; maxPerEndpoint?: number } = {}): Promise<RunSummary> {
    const summary: RunSummary = { attempted: 0, succeeded: 0, failed: 0, paused: [] };
    const limit = opts.limit ?? 100;
    const due = await db.webhookDelivery.findMany({
      where: { status: "pending", nextAttemptAt: { lte: now() }, endpoint: { enabled: true } },
      select: { endpointId: true, endpoint: { select: { organizationId: true } } },
      distinct: ["endpointId"],
      orderBy: { nextAttemptAt: "asc" },
      take: limit * 10,
    });
    // the pass's endpoints taken round-robin by organization: one with many due endpoints cannot
    // keep another's out of the pass
    const queue = fairByOrganization(due.map((d) => ({ id: d.endpointId, org: d.endpoint.organizationId })), limit);
    const busy = new Map<string, number>();
    const next = () => {
      const i = queue.findIndex((e) => (busy.get(e.org) ?? 0) < perOrganization);
      return i < 0 ? undefined : queue.splice(i, 1)[0];
    };
    const lanes = Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
      for (let e = next(); e; e = next()) {
        const { id, org } = e;
        busy.set(org, (busy.get(org) ?? 0) + 1);
        try {
          // One endpoint's trouble (deleted mid-flight, a database hiccup) must not stop the others.
          await drainEndpoint(id, summary, opts.maxPerEndpoint ?? 50).catch((err) => log.error({ err, endpointId: id }, "webhook delivery pass failed for an endpoint"));
        } finally {
          busy.set(org, busy.get(org)! - 1);
        }
      }
    });
    await Promise.all(lanes);
    return summary;
  }

  /**
   * Records `key.expiring` 14 days and 1 day before a key expires, once each: the event id is derived
   * from the key, the warning and the expiry, so a second check (or a second process) finds it taken.
   */
  async function checkExpiringKeys(): Promise<number> {
    const t = now();
    const keys = await db.apiKey.findMany({
      where: { deletedAt: null, expiresAt: { gt: t, lte: new Date(t.getTime() + EXPIRY_WARNINGS_DAYS[0] * DAY) } },
      include: keyInclude,
    });
    const wanted = keys.map((k) => {
      const days = k.expiresAt!.getTime() - t.getTime() <= DAY ? 1 : 14;
      return { k, days, eventId: `evt_expiring_${k.id}_${days}d_${k.expiresAt!.getTime().toString(36)}` };
    });
    if (wanted.length === 0) return 0;
    const taken = new Set((await db.webhookEvent.findMany({ where: { id: { in: wanted.map((w) => w.eventId) } }, select: { id: true } })).map((e) => e.id));
    let recorded = 0;
    for (const w of wanted) {
      if (taken.has(w.eventId)) continue;
      try {
        await db.$transaction((tx) =>
          recordWebhookEvent(tx, {
            organizationId: w.k.organizationId, type: "key.expiring", eventId: w.eventId, now: t,
            // the key as the API shows it, plus whole days left (rounded up)
            data: { ...serializeKey(w.k), expires_in_days: Math.ceil((w.k.expiresAt!.getTime() - t.getTime()) / DAY) },
          }),
        );
        recorded++;
      } catch (e) {
        if ((e as { code?: string }).code !== "P2002") throw e; // another process recorded it first
      }
    }
    return recorded;
  }

  /**
   * Forgets events older than `keepDays` (their deliveries and attempts go with them) once none of
   * their deliveries is still pending: the log shows a month, the tables do not grow for ever.
   */
  async function purgeOldEvents(keepDays = EVENT_RETENTION_DAYS): Promise<number> {
    const cutoff = new Date(now().getTime() - keepDays * DAY);
    const { count } = await db.webhookEvent.deleteMany({ where: { createdAt: { lt: cutoff }, deliveries: { none: { status: "pending" } } } });
    return count;
  }

  return { runDueDeliveries, checkExpiringKeys, purgeOldEvents, now };
}

/** Up to `limit` items, one organization after another in turn, each organization's in their order. */
export function fairByOrganization<T extends { org: string }>(items: T[], limit: number): T[] {
  const byOrg = new Map<string, T[]>();
  for (const item of items) {
    const list = byOrg.get(item.org);
    if (list) list.push(item);
    else byOrg.set(item.org, [item]);
  }
  const out: T[] = [];
  for (let round = 0; out.length < limit; round++) {
    let took = false;
    for (const list of byOrg.values()) {
      if (round < list.length && out.length < limit) {
        out.push(list[round]!);
        took = true;
      }
    }
    if (!took) break;
  }
  return out;
}

async function emailOwnersAboutPause(organizationId: string, url: string, last: PostResult) {
  const owners = await db.membership.findMany({ where: { organizationId, role: "owner" }, select: { user: { select: { email: true } }, organization: { select: { name: true } } } });
  const why = last.error ?? `HTTP ${last.statusCode}`;
  for (const o of owners) {
    const org = o.organization.name;
    await sendMail({
      to: o.user.email,
      subject: `[${org}] Webhook endpoint paused: ${url}`,
      text: `Every delivery to ${url} has failed for 3 days, so Keydesk paused this endpoint.\nLast error: ${why}\n\nFix the receiver, then enable the endpoint again under Settings → API → Webhooks; pending deliveries will be sent in order.`,
      html: `<p>Every delivery to <code>${escapeHtml(url)}</code> has failed for 3 days, so Keydesk paused this endpoint.</p><p>Last error: ${escapeHtml(why)}</p><p>Fix the receiver, then enable the endpoint again under Settings → API → Webhooks; pending deliveries will be sent in order.</p>`,
      fromName: `${org} via Keydesk`,
    });
  }
}

const defaultWorker = createWebhookWorker();

/** One pass over due deliveries (tests pass `now`; the server's loop calls it every second). */
export function runDueDeliveries(opts: WorkerOptions & { limit?: number } = {}) {
  const { limit, ...workerOptions } = opts;
  const worker = Object.keys(workerOptions).length ? createWebhookWorker(workerOptions) : defaultWorker;
  return worker.runDueDeliveries({ limit });
}

export function checkExpiringKeys(opts: WorkerOptions = {}) {
  return createWebhookWorker(opts).checkExpiringKeys();
}

const globalForWorker = globalThis as unknown as { keydeskWebhookWorker?: { stop: () => void }; keydeskWebhookWorkerStatus?: WorkerStatus };

export type WorkerStatus = { delivering: boolean; lastPassAt: number | null; stopped: boolean };

/** For /api/health: whether this process delivers, and when its loop last finished a pass. */
export function webhookWorkerStatus(): WorkerStatus | null {
  return globalForWorker.keydeskWebhookWorkerStatus ?? null;
}

/**
 * The loop inside the server process (instrumentation.ts): a pass every second, at once when a
 * service nudges it, and the key-expiry check and the purge of month-old events every 10 minutes. Timers are unref'd; stop() ends it.
 */
export function startWebhookWorker(opts: { intervalMs?: number; expiryCheckMs?: number; deliver?: boolean } = {}) {
  if (globalForWorker.keydeskWebhookWorker) return globalForWorker.keydeskWebhookWorker;
  // deliver: false (KEYDESK_WEBHOOK_WORKER=0) keeps the housekeeping (expiry events, purge) and sends nothing
  const deliver = opts.deliver ?? true;
  const status: WorkerStatus = (globalForWorker.keydeskWebhookWorkerStatus = { delivering: deliver, lastPassAt: null, stopped: false });
  const intervalMs = opts.intervalMs ?? 1000;
  const expiryCheckMs = opts.expiryCheckMs ?? 10 * 60e3;
  const worker = createWebhookWorker();
  let stopped = false;
  let running = false;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  let lastExpiryCheck = 0;

  const schedule = (ms: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(tick, ms);
    timer.unref();
  };
  async function tick() {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      if (Date.now() - lastExpiryCheck >= expiryCheckMs) {
        lastExpiryCheck = Date.now();
        await worker.checkExpiringKeys();
        await worker.purgeOldEvents();
      }
      if (deliver) await worker.runDueDeliveries();
      status.lastPassAt = Date.now();
    } catch (e) {
      log.error({ err: e }, "webhook worker pass failed");
    } finally {
      running = false;
      schedule(again ? 0 : intervalMs);
      again = false;
    }
  }
  const off = deliver ? onWebhookNudge(() => schedule(0)) : () => {};
  schedule(0);
  log.info(deliver ? "webhook delivery worker started" : "webhook delivery is off in this process (KEYDESK_WEBHOOK_WORKER=0); housekeeping runs");
  const handle = {
    stop() {
      stopped = true;
      status.stopped = true;
      clearTimeout(timer);
      off();
      delete globalForWorker.keydeskWebhookWorker;
    },
  };
  globalForWorker.keydeskWebhookWorker = handle;
  return handle;
}
