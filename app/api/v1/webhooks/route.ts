import { assertMaySubscribe, granterOf } from "@/lib/auth/grants";
import { parseBody, parseInput, searchParamsObject } from "@/lib/http/parse-body";
import { ApiError } from "@/lib/http/problem";
import { json } from "@/lib/http/respond";
import { withApiKey } from "@/lib/http/with-api-key";
import { createWebhookSchema, listWebhooksQuerySchema } from "@/lib/validations/webhook";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { listWebhooks } from "@/lib/webhooks/list-webhooks";

// GET /api/v1/webhooks — the organization's endpoints (never a signing secret)
export const GET = withApiKey(
  async ({ url, auth }) => {
    const q = parseInput(listWebhooksQuerySchema, searchParamsObject(url), "The query");
    return json(await listWebhooks(auth.org.id, { page: q.page, perPage: q.per_page, partnerId: auth.key.partnerId ?? undefined }));
  },
  { permission: "webhooks:read" },
);

// POST /api/v1/webhooks — add an endpoint; the answer holds its signing secret, once
export const POST = withApiKey(
  async ({ req, auth }) => {
    const input = await parseBody(req, createWebhookSchema);
    // an endpoint created by a key only receives what the key could read itself
    assertMaySubscribe(granterOf(auth), input.events);
    const own = auth.key.partnerId;
    if (own && input.partner_id && input.partner_id !== own) {
      throw new ApiError("invalid_request", "The request has invalid fields.", { errors: [{ path: "partner_id", message: `No partner with id ${input.partner_id}` }] });
    }
    const { webhook, secret } = await createWebhook(auth.org.id, {
      url: input.url, description: input.description, events: input.events, enabled: input.enabled, partnerId: own ?? input.partner_id ?? null,
    }, auth.actor);
    return json({ ...webhook, secret }, 201);
  },
  { permission: "webhooks:write" },
);
