import { json } from "@/lib/http/respond";
import { withApiKey } from "@/lib/http/with-api-key";
import { assertCallerMayUseWebhook } from "@/lib/webhooks/assert-caller-may-use";
import { sendTestWebhook } from "@/lib/webhooks/send-test-webhook";

// POST /api/v1/webhooks/{id}/test — queue a signed webhook.test event for this endpoint; answers the delivery
export const POST = withApiKey<{ id: string }>(
  async ({ params, auth }) => {
    await assertCallerMayUseWebhook(auth, params.id);
    return json(await sendTestWebhook(auth.org.id, params.id, auth.actor), 202);
  },
  { permission: "webhooks:write" },
);
