import { parseBody } from "@/lib/http/parse-body";
import { json } from "@/lib/http/respond";
import { withApiKey } from "@/lib/http/with-api-key";
import { assertKeyMayGrant } from "@/lib/auth/grants";
import { addPartnerKey } from "@/lib/partners/add-partner-key";
import { LEVEL_PERMISSIONS } from "@/lib/partners/partner-levels";
import { getPartnerOrThrow } from "@/lib/partners/get-partner";
import { addPartnerKeySchema } from "@/lib/validations/partner";

// POST /api/v1/partners/{id}/keys — another key for the partner, delivered by a new claim link
export const POST = withApiKey<{ id: string }>(
  async ({ req, params, auth }) => {
    const input = await parseBody(req, addPartnerKeySchema);
    const partner = await getPartnerOrThrow(auth.org.id, params.id);
    assertKeyMayGrant(auth, input.permissions ?? LEVEL_PERMISSIONS[partner.level]);
    const { email: _sentTo, ...added } = await addPartnerKey(auth.org.id, params.id, { name: input.name, permissions: input.permissions, expiresAt: input.expires_at, rateLimitPerHour: input.rate_limit_per_hour }, auth.actor);
    return json(added, 201);
  },
  { permission: "keys:write" },
);
