import "server-only";
import type { Granter } from "@/lib/auth/grants";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/audit/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { ApiError } from "@/lib/http/problem";
import { getWebhookOrThrow } from "@/lib/webhooks/get-webhook-or-throw";
import { serializeDelivery } from "@/lib/webhooks/serialize-webhook";
import { nudgeWebhookWorker } from "@/lib/webhooks/worker-signal";

/**
 * Sends a delivery again (same event, same webhook-id, so receivers can de-duplicate): back to
 * pending with a fresh schedule of attempts. Its earlier attempts stay in the log.
 */
export async function resendWebhookDelivery(organizationId: string, endpointId: string, deliveryId: string, actor: Actor, opts: { now?: Date; viewer?: Granter } = {}) {
  const now = opts.now ?? new Date();
  const delivery = await db.$transaction(async (tx) => {
    await getWebhookOrThrow(organizationId, endpointId, tx);
    const d = await tx.webhookDelivery.findFirst({ where: { id: deliveryId, endpointId } });
    if (!d) throw new ApiError("not_found", `No delivery with id ${deliveryId} on this endpoint.`);
    const after = await tx.webhookDelivery.update({
      where: { id: deliveryId },
      data: { status: "pending", attempts: 0, nextAttemptAt: now },
      include: { event: true, attemptLog: { orderBy: { at: "asc" } } },
    });
    await recordAuditEvent(tx, {
      organizationId, actor, action: "webhook.delivery_resent", targetType: "webhook", targetId: endpointId,
      metadata: { delivery_id: deliveryId, event_id: d.eventId, previous_status: d.status },
    });
    return after;
  });
  nudgeWebhookWorker();
  return serializeDelivery(delivery, opts.viewer);
}
