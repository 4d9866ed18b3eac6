import { granterOf } from "@/lib/auth/grants";
import { json } from "@/lib/http/respond";
import { withApiKey } from "@/lib/http/with-api-key";
import { assertCallerMayUseWebhook } from "@/lib/webhooks/assert-caller-may-use";
import { resendWebhookDelivery } from "@/lib/webhooks/resend-webhook-delivery";

// POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/resend — send a delivery again (same webhook-id)
export const POST = withApiKey<{ id: string; deliveryId: string }>(
  async ({ params, auth }) => {
    await assertCallerMayUseWebhook(auth, params.id);
    return json(await resendWebhookDelivery(auth.org.id, params.id, params.deliveryId, auth.actor, { viewer: granterOf(auth) }), 202);
  },
  { permission: "webhooks:write" },
);
