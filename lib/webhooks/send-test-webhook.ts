import { db } from "@/lib/db";
import type { Actor } from "@/lib/audit/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { ApiError } from "@/lib/http/problem";
import { recordWebhookEvent } from "@/lib/webhooks/events";
import { TEST_EVENT_TYPE } from "@/lib/webhooks/event-types";
import { getWebhookOrThrow } from "@/lib/webhooks/get-webhook-or-throw";
import { serializeDelivery } from "@/lib/webhooks/serialize-webhook";
import { nudgeWebhookWorker } from "@/lib/webhooks/worker-signal";

/** Queues a `webhook.test` event for this endpoint only (whatever it subscribes to); the worker sends it at once. */
export async function sendTestWebhook(organizationId: string, id: string, actor: Actor) {
  const delivery = await db.$transaction(async (tx) => {
    const e = await getWebhookOrThrow(organizationId, id, tx);
    if (!e.enabled) throw new ApiError("conflict", "This endpoint is paused. Enable it before sending a test event.");
    const eventId = await recordWebhookEvent(tx, {
      organizationId, type: TEST_EVENT_TYPE, endpointId: id,
      data: { message: "A test event from Keydesk. If you can read this, your endpoint works.", endpoint_id: id, sent_by: actor.label },
    });
    await recordAuditEvent(tx, { organizationId, actor, action: "webhook.test_sent", targetType: "webhook", targetId: id, metadata: { event_id: eventId } });
    return tx.webhookDelivery.findUniqueOrThrow({ where: { endpointId_eventId: { endpointId: id, eventId: eventId! } }, include: { event: true, attemptLog: true } });
  });
  nudgeWebhookWorker();
  return serializeDelivery(delivery);
}
