// Endpoints and deliveries as the API shows them: never a signing secret (only at creation/rotation).
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

export function serializeDelivery(d: DeliveryRow) {
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
    payload: d.event.payload as Record<string, unknown>,
    attempt_log: (d.attemptLog ?? []).map(serializeAttempt),
  };
}

export type SerializedWebhook = ReturnType<typeof serializeWebhook>;
export type SerializedDelivery = ReturnType<typeof serializeDelivery>;
