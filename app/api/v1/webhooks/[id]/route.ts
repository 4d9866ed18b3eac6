import { assertMaySubscribe, granterOf } from "@/lib/auth/grants";
import { parseBody } from "@/lib/http/parse-body";
import { json, noContent } from "@/lib/http/respond";
import { withApiKey } from "@/lib/http/with-api-key";
import { updateWebhookSchema } from "@/lib/validations/webhook";
import { assertCallerMayUseWebhook } from "@/lib/webhooks/assert-caller-may-use";
import { deleteWebhook } from "@/lib/webhooks/delete-webhook";
import { serializeWebhook } from "@/lib/webhooks/serialize-webhook";
import { updateWebhook } from "@/lib/webhooks/update-webhook";

type Params = { id: string };

// GET /api/v1/webhooks/{id} — one endpoint
export const GET = withApiKey<Params>(async ({ params, auth }) => json(serializeWebhook(await assertCallerMayUseWebhook(auth, params.id))), { permission: "webhooks:read" });

// PATCH /api/v1/webhooks/{id} — change URL, description, events; pause (enabled: false) or resume
export const PATCH = withApiKey<Params>(
  async ({ req, params, auth }) => {
    const input = await parseBody(req, updateWebhookSchema);
    const e = await assertCallerMayUseWebhook(auth, params.id);
    // whatever it changes (the URL too), a key may keep an endpoint only on events it could read
    assertMaySubscribe(granterOf(auth), input.events ?? (e.events as string[]));
    return json(await updateWebhook(auth.org.id, params.id, input, auth.actor));
  },
  { permission: "webhooks:write" },
);

// DELETE /api/v1/webhooks/{id} — delete an endpoint and its delivery log
export const DELETE = withApiKey<Params>(
  async ({ params, auth }) => {
    await assertCallerMayUseWebhook(auth, params.id);
    await deleteWebhook(auth.org.id, params.id, auth.actor);
    return noContent();
  },
  { permission: "webhooks:write" },
);
