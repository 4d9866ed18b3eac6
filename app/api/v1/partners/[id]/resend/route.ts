import { assertKeyMayGrant } from "@/lib/auth/grants";
import { parseBody } from "@/lib/http/parse-body";
import { json } from "@/lib/http/respond";
import { withApiKey } from "@/lib/http/with-api-key";
import { resendClaimLink } from "@/lib/partners/claim-links";
import { partnerLevelPermissions } from "@/lib/partners/get-partner";
import { resendClaimSchema } from "@/lib/validations/partner";

// POST /api/v1/partners/{id}/resend — a new claim link (the old one stops working)
export const POST = withApiKey<{ id: string }>(
  async ({ req, params, auth }) => {
    const input = await parseBody(req, resendClaimSchema);
    // a new claim link hands out a key of the partner's level: the same guard as DELETE
    assertKeyMayGrant(auth, await partnerLevelPermissions(auth.org.id, params.id));
    const { email: _sentTo, ...sent } = await resendClaimLink(auth.org.id, params.id, input.key_id, auth.actor);
    return json(sent);
  },
  { permission: "keys:write" },
);
