import { getWebhookOrThrow } from "@/lib/webhooks/get-webhook-or-throw";
import { serializeWebhook } from "@/lib/webhooks/serialize-webhook";

export async function getWebhook(organizationId: string, id: string) {
  return serializeWebhook(await getWebhookOrThrow(organizationId, id));
}
