import { parseBody } from "@/lib/http/parse-body";
import { json } from "@/lib/http/respond";
import { withApiKey } from "@/lib/http/with-api-key";
import { resendClaimLink } from "@/lib/partners/claim-links";
import { resendClaimSchema } from "@/lib/validations/partner";

// POST /api/v1/partners/{id}/resend — a new claim link (the old one stops working)
export const POST = withApiKey<{ id: string }>(
  async ({ req, params, auth }) => json(await resendClaimLink(auth.org.id, params.id, (await parseBody(req, resendClaimSchema)).key_id, auth.actor)),
  { permission: "keys:write" },
);
