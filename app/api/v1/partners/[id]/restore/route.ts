import { assertKeyMayGrant } from "@/lib/auth/grants";
import { json } from "@/lib/http/respond";
import { withApiKey } from "@/lib/http/with-api-key";
import { restorePartner } from "@/lib/partners/delete-partner";
import { partnerLevelPermissions } from "@/lib/partners/get-partner";

// POST /api/v1/partners/{id}/restore — bring back a partner deleted in the last 30 days, with its keys
export const POST = withApiKey<{ id: string }>(
  async ({ params, auth }) => {
    assertKeyMayGrant(auth, await partnerLevelPermissions(auth.org.id, params.id));
    return json(await restorePartner(auth.org.id, params.id, auth.actor));
  },
  { permission: "keys:write" },
);
