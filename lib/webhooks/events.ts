// The outbox. A service that changes something calls recordWebhookEvent with its own transaction
// client: the event and one delivery per interested endpoint commit with the change, or not at all.
// The worker (lib/webhooks/worker.ts) sends them afterwards.
import crypto from "node:crypto";
import type { Tx } from "@/lib/db";
import { hasPermission, type Permission } from "@/lib/keys/permissions";
import { LEVEL_PERMISSIONS } from "@/lib/partners/partner-levels";
import type { WebhookEventType } from "@/lib/webhooks/event-types";

export type WebhookEventInput = {
  organizationId: string;
  type: WebhookEventType | "webhook.test";
  /** The object as the API returns it (serializeArticle, serializeKey, ...): never a secret. */
  data: Record<string, unknown>;
  /** The partner the object belongs to (a partner's key), when it is not in `data.partner_id`. */
  partnerId?: string | null;
  /** Only this endpoint (test events); otherwise every enabled endpoint subscribed to `type`. */
  endpointId?: string;
  /** A fixed event id makes recording idempotent (key.expiring); otherwise a generated one. */
  eventId?: string;
  now?: Date;
};

type PartnerInfo = { level: "read" | "write" | "read_write"; deletedAt: Date | null } | null;

/**
 * A partner's endpoint hears only about what the partner's level lets it read (lib/partners/partner-levels):
 * articles only when external and published (what it could fetch), categories, approvals, and its own keys.
 */
export function partnerMayReceive(partner: PartnerInfo, endpointPartnerId: string, e: WebhookEventInput): boolean {
  if (!partner || partner.deletedAt) return false;
  const reads = (p: Permission) => hasPermission(LEVEL_PERMISSIONS[partner.level], p);
  const resource = e.type.split(".")[0];
  if (resource === "article") return reads("articles:read") && e.data.visibility === "external" && e.data.published === true;
  if (resource === "category") return reads("categories:read");
  if (resource === "approval") return reads("approvals:read");
  if (resource === "key" || resource === "partner") return (e.partnerId ?? e.data.partner_id ?? null) === endpointPartnerId;
  return e.type === "webhook.test";
}

let counter = 0;
/** `evt_` + time + a per-process counter + randomness: ids sort in the order events were recorded. */
export function newEventId(now = new Date()): string {
  counter = (counter + 1) % 36 ** 4;
  return `evt_${now.getTime().toString(36).padStart(9, "0")}${counter.toString(36).padStart(4, "0")}${crypto.randomBytes(5).toString("hex")}`;
}

function subscribed(events: unknown, type: string) {
  return Array.isArray(events) && events.includes(type);
}

/** Records the event and its deliveries in `tx`. Returns the event id, or null when no endpoint wants it. */
export async function recordWebhookEvent(tx: Tx, e: WebhookEventInput): Promise<string | null> {
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { organizationId: e.organizationId, enabled: true, ...(e.endpointId ? { id: e.endpointId } : {}) },
    select: { id: true, events: true, partnerId: true, partner: { select: { level: true, deletedAt: true } } },
  });
  const targets = endpoints.filter(
    (ep) => (e.endpointId ? true : subscribed(ep.events, e.type)) && (!ep.partnerId || partnerMayReceive(ep.partner, ep.partnerId, e)),
  );
  // key.expiring is remembered even with nobody listening, so it is never sent twice (its id is fixed).
  if (targets.length === 0 && !e.eventId) return null;
  const org = await tx.organization.findUniqueOrThrow({ where: { id: e.organizationId }, select: { id: true, slug: true, name: true } });
  const now = e.now ?? new Date();
  const id = e.eventId ?? newEventId(now);
  const payload = { id, type: e.type, created_at: now.toISOString(), organization: org, data: e.data };
  const event = await tx.webhookEvent.create({ data: { id, organizationId: e.organizationId, type: e.type, payload: payload as object, createdAt: now } });
  if (targets.length > 0) {
    await tx.webhookDelivery.createMany({ data: targets.map((t) => ({ endpointId: t.id, eventId: event.id, nextAttemptAt: now, createdAt: now })) });
  }
  return event.id;
}
