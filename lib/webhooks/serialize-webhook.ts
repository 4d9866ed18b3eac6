// Endpoints and deliveries as the API shows them: never a signing secret (only at creation/rotation).
import { mayReadEvent, permissionForEvent, SYSTEM_GRANTER, type Granter } from "@/lib/auth/grants";
import type { WebhookAttempt, WebhookDelivery, WebhookEndpoint, WebhookEvent } from "@/lib/generated/sqlite/client";

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export function serializeWebhook(e: WebhookEndpoint, now = new Date()) {
  return {
    id: e.id,
    url: e.url,
    description: e.description,
    events: e.events as string[],
    enabled: e.enabled,
    partner_id: e.partnerId,
    paused_reason: e.pausedReason,
    failing_since: iso(e.failingSince),
    /** Until then the previous secret also signs (after a rotation). */
    previous_secret_expires_at: e.previousSecretExpiresAt && e.previousSecretExpiresAt > now ? e.previousSecretExpiresAt.toISOString() : null,
    created_at: e.createdAt.toISOString(),
    updated_at: e.updatedAt.toISOString(),
  };
}

export function serializeAttempt(a: WebhookAttempt) {
  return { id: a.id, at: a.at.toISOString(), status_code: a.statusCode, duration_ms: a.durationMs, response_excerpt: a.responseExcerpt, error: a.error };
}

export type DeliveryRow = WebhookDelivery & { event: WebhookEvent; attemptLog?: WebhookAttempt[] };

/** The payload only for a viewer that may read the event's family (a key: its read permission); else null. */
export function serializeDelivery(d: DeliveryRow, viewer: Granter = SYSTEM_GRANTER) {
  const shown = mayReadEvent(viewer, d.event.type);
  return {
    id: d.id,
    endpoint_id: d.endpointId,
    event_id: d.eventId,
    event_type: d.event.type,
    status: d.status,
    attempts: d.attempts,
    next_attempt_at: d.status === "pending" ? d.nextAttemptAt.toISOString() : null,
    last_attempt_at: iso(d.lastAttemptAt),
    created_at: d.createdAt.toISOString(),
    payload: shown ? (d.event.payload as Record<string, unknown>) : null,
    /** Set when the payload is withheld: the permission that would show it. */
    payload_redacted: shown ? null : permissionForEvent(d.event.type),
    attempt_log: (d.attemptLog ?? []).map(serializeAttempt),
  };
}

export type SerializedWebhook = ReturnType<typeof serializeWebhook>;
export type SerializedDelivery = ReturnType<typeof serializeDelivery>;
