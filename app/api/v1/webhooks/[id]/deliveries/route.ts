import { granterOf } from "@/lib/auth/grants";
import { parseInput, searchParamsObject } from "@/lib/http/parse-body";
import { json } from "@/lib/http/respond";
import { withApiKey } from "@/lib/http/with-api-key";
import { listDeliveriesQuerySchema } from "@/lib/validations/webhook";
import { assertCallerMayUseWebhook } from "@/lib/webhooks/assert-caller-may-use";
import { listWebhookDeliveries } from "@/lib/webhooks/list-webhook-deliveries";

// GET /api/v1/webhooks/{id}/deliveries — the delivery log, newest first, each with its attempts
export const GET = withApiKey<{ id: string }>(
  async ({ url, params, auth }) => {
    const q = parseInput(listDeliveriesQuerySchema, searchParamsObject(url), "The query");
    await assertCallerMayUseWebhook(auth, params.id);
    return json(await listWebhookDeliveries(auth.org.id, params.id, { page: q.page, perPage: q.per_page, status: q.status, viewer: granterOf(auth) }));
  },
  { permission: "webhooks:read" },
);
