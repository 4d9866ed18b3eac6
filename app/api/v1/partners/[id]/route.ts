import { parseBody } from "@/lib/http/parse-body";
import { json } from "@/lib/http/respond";
import { withApiKey } from "@/lib/http/with-api-key";
import { assertKeyMayGrant } from "@/lib/auth/grants";
import { deletePartner } from "@/lib/partners/delete-partner";
import { LEVEL_PERMISSIONS } from "@/lib/partners/partner-levels";
import { getPartner, partnerLevelPermissions } from "@/lib/partners/get-partner";
import { updatePartner } from "@/lib/partners/update-partner";
import { updatePartnerSchema } from "@/lib/validations/partner";

type Params = { id: string };

// GET /api/v1/partners/{id} — one partner
export const GET = withApiKey<Params>(async ({ params, auth }) => json(await getPartner(auth.org.id, params.id)), { permission: "keys:read" });

// PATCH /api/v1/partners/{id} — name, email or level (a narrower level needs narrow_keys: true); pause or resume
export const PATCH = withApiKey<Params>(
  async ({ req, params, auth }) => {
    const input = await parseBody(req, updatePartnerSchema);
    assertKeyMayGrant(auth, await partnerLevelPermissions(auth.org.id, params.id));
    if (input.level) assertKeyMayGrant(auth, LEVEL_PERMISSIONS[input.level]);
    return json(await updatePartner(auth.org.id, params.id, { name: input.name, email: input.email, level: input.level, narrowKeys: input.narrow_keys, disabled: input.disabled }, auth.actor));
  },
  { permission: "keys:write" },
);

// DELETE /api/v1/partners/{id} — delete the partner and all its keys (restorable for 30 days)
export const DELETE = withApiKey<Params>(
  async ({ params, auth }) => {
    assertKeyMayGrant(auth, await partnerLevelPermissions(auth.org.id, params.id));
    return json(await deletePartner(auth.org.id, params.id, auth.actor));
  },
  { permission: "keys:write" },
);
