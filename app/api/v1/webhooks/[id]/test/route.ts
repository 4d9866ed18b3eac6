import { json } from "@/lib/http/respond";
import { withApiKey } from "@/lib/http/with-api-key";
import { assertCallerMayUseWebhook } from "@/lib/webhooks/assert-caller-may-use";
import { sendTestWebhook } from "@/lib/webhooks/send-test-webhook";

// POST /api/v1/webhooks/{id}/test — send a signed webhook.test event to this endpoint now, once; answers the delivery with its outcome
export const POST = withApiKey<{ id: string }>(
  async ({ params, auth }) => {
    await assertCallerMayUseWebhook(auth, params.id);
    return json(await sendTestWebhook(auth.org.id, params.id, auth.actor));
  },
  { permission: "webhooks:write" },
);
