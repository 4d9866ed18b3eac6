import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/audit/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { ApiError } from "@/lib/http/problem";
import { assertWebhookUrl } from "@/lib/webhooks/assert-webhook-url";
import type { WebhookEventType } from "@/lib/webhooks/event-types";
import { newWebhookSecret, sealWebhookSecret } from "@/lib/webhooks/secret";
import { serializeWebhook } from "@/lib/webhooks/serialize-webhook";

export type CreateWebhookParams = {
  url: string;
  description?: string;
  events: WebhookEventType[];
  partnerId?: string | null;
  enabled?: boolean;
};

/** Creates an endpoint. Returns it and its signing secret: the only time the secret is shown. */
export async function createWebhook(organizationId: string, params: CreateWebhookParams, actor: Actor) {
  assertWebhookUrl(params.url);
  const secret = newWebhookSecret();
  const created = await db.$transaction(async (tx) => {
    if (params.partnerId) {
      const partner = await tx.partner.findFirst({ where: { id: params.partnerId, organizationId, deletedAt: null }, select: { id: true } });
      if (!partner) throw new ApiError("invalid_request", "The request has invalid fields.", { errors: [{ path: "partner_id", message: `No partner with id ${params.partnerId}` }] });
    }
    const row = await tx.webhookEndpoint.create({
      data: {
        organizationId, url: params.url, description: params.description ?? "", events: [...new Set(params.events)],
        partnerId: params.partnerId ?? null, enabled: params.enabled ?? true, secretCiphertext: "",
      },
    });
    // The ciphertext is bound to the row's id, which exists only now.
    const endpoint = await tx.webhookEndpoint.update({ where: { id: row.id }, data: { secretCiphertext: sealWebhookSecret(secret, row.id) } });
    await recordAuditEvent(tx, {
      organizationId, actor, action: "webhook.created", targetType: "webhook", targetId: row.id,
      metadata: { url: row.url, events: row.events, partner_id: row.partnerId },
    });
    return endpoint;
  });
  return { webhook: serializeWebhook(created), secret };
}
