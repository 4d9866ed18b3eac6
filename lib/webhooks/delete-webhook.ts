import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/audit/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getWebhookOrThrow } from "@/lib/webhooks/get-webhook-or-throw";

/** Deletes the endpoint with its deliveries and their log; pending deliveries are never sent. */
export async function deleteWebhook(organizationId: string, id: string, actor: Actor) {
  await db.$transaction(async (tx) => {
    const e = await getWebhookOrThrow(organizationId, id, tx);
    await tx.webhookEndpoint.delete({ where: { id } });
    await recordAuditEvent(tx, { organizationId, actor, action: "webhook.deleted", targetType: "webhook", targetId: id, metadata: { url: e.url } });
  });
}
