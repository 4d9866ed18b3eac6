import type { KeyAuth } from "@/lib/http/with-api-key";
import { ApiError } from "@/lib/http/problem";
import { getWebhookOrThrow } from "@/lib/webhooks/get-webhook-or-throw";

/**
 * A partner's key sees only its partner's endpoints (another one is a 404, as for another
 * organization's); the organization's own keys see them all.
 */
export async function assertCallerMayUseWebhook(auth: KeyAuth, id: string) {
  const e = await getWebhookOrThrow(auth.org.id, id);
  if (auth.key.partnerId && e.partnerId !== auth.key.partnerId) throw new ApiError("not_found", `No webhook endpoint with id ${id}.`);
  return e;
}
