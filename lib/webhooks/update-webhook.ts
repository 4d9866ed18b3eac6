import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/audit/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertWebhookUrl } from "@/lib/webhooks/assert-webhook-url";
import type { WebhookEventType } from "@/lib/webhooks/event-types";
import { getWebhookOrThrow } from "@/lib/webhooks/get-webhook-or-throw";
import { serializeWebhook } from "@/lib/webhooks/serialize-webhook";

export type UpdateWebhookParams = { url?: string; description?: string; events?: WebhookEventType[]; enabled?: boolean };

/**
 * Changes URL, description, events, or pauses (enabled: false) / resumes (enabled: true) the endpoint.
 * Resuming clears the automatic pause; deliveries still pending go out in order.
 */
export async function updateWebhook(organizationId: string, id: string, params: UpdateWebhookParams, actor: Actor) {
  if (params.url !== undefined) assertWebhookUrl(params.url);
  const updated = await db.$transaction(async (tx) => {
    const before = await getWebhookOrThrow(organizationId, id, tx);
    const resumed = params.enabled === true && !before.enabled;
    const after = await tx.webhookEndpoint.update({
      where: { id },
      data: {
        url: params.url, description: params.description, enabled: params.enabled,
        ...(params.events ? { events: [...new Set(params.events)] } : {}),
        ...(resumed ? { pausedReason: null, failingSince: null } : {}),
        ...(params.enabled === false && before.enabled ? { pausedReason: "Paused by hand" } : {}),
      },
    });
    await recordAuditEvent(tx, {
      organizationId, actor, action: "webhook.updated", targetType: "webhook", targetId: id,
      metadata: { changed: Object.keys(params).filter((k) => params[k as keyof UpdateWebhookParams] !== undefined), url: after.url, enabled: after.enabled },
    });
    return after;
  });
  return serializeWebhook(updated);
}
