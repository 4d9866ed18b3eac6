// "Send test event": a signed `webhook.test` for this endpoint only (whatever it subscribes to),
// sent at once and exactly once, outside the endpoint's queue order; the answer is the outcome
// (status code, time, response excerpt), so the sender sees whether their receiver works.
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/audit/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { ApiError } from "@/lib/http/problem";
import { attemptDelivery, LEASE_MS } from "@/lib/webhooks/attempt-delivery";
import { recordWebhookEvent } from "@/lib/webhooks/events";
import { TEST_EVENT_TYPE } from "@/lib/webhooks/event-types";
import { getWebhookOrThrow } from "@/lib/webhooks/get-webhook-or-throw";
import { serializeDelivery } from "@/lib/webhooks/serialize-webhook";
import type { WorkerOptions } from "@/lib/webhooks/worker-options";

export async function sendTestWebhook(organizationId: string, id: string, actor: Actor, options: WorkerOptions = {}) {
  const t = new Date();
  const deliveryId = await db.$transaction(async (tx) => {
    const e = await getWebhookOrThrow(organizationId, id, tx);
    if (!e.enabled) throw new ApiError("conflict", "This endpoint is paused. Enable it before sending a test event.");
    const eventId = await recordWebhookEvent(tx, {
      organizationId, type: TEST_EVENT_TYPE, endpointId: id, now: t,
      data: { message: "A test event from Keydesk. If you can read this, your endpoint works.", endpoint_id: id, sent_by: actor.label },
    });
    await recordAuditEvent(tx, { organizationId, actor, action: "webhook.test_sent", targetType: "webhook", targetId: id, metadata: { event_id: eventId, url: e.url } });
    // leased from the start: the worker leaves it to us (and takes it only if this process dies mid-send)
    const d = await tx.webhookDelivery.update({ where: { endpointId_eventId: { endpointId: id, eventId: eventId! } }, data: { nextAttemptAt: new Date(t.getTime() + LEASE_MS) } });
    return d.id;
  });
  await attemptDelivery(deliveryId, t, options);
  return serializeDelivery(await db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId }, include: { event: true, attemptLog: true } }));
}
