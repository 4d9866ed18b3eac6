import { json } from "@/lib/http/respond";
import { withApiKey } from "@/lib/http/with-api-key";
import { assertCallerMayUseWebhook } from "@/lib/webhooks/assert-caller-may-use";
import { rotateWebhookSecret } from "@/lib/webhooks/rotate-webhook-secret";

// POST /api/v1/webhooks/{id}/rotate-secret — a new signing secret (shown once); the old one signs too for 24 hours
export const POST = withApiKey<{ id: string }>(
  async ({ params, auth }) => {
    await assertCallerMayUseWebhook(auth, params.id);
    const { webhook, secret } = await rotateWebhookSecret(auth.org.id, params.id, auth.actor);
    return json({ ...webhook, secret });
  },
  { permission: "webhooks:write" },
);
