import { parseBody, parseInput, searchParamsObject } from "@/lib/http/parse-body";
import { json } from "@/lib/http/respond";
import { withApiKey } from "@/lib/http/with-api-key";
import { assertKeyMayGrant } from "@/lib/auth/grants";
import { createPartner } from "@/lib/partners/create-partner";
import { LEVEL_PERMISSIONS } from "@/lib/partners/partner-levels";
import { listPartners } from "@/lib/partners/list-partners";
import { createPartnerSchema, listPartnersQuerySchema } from "@/lib/validations/partner";

// GET /api/v1/partners — partners with key counts, status and last activity
export const GET = withApiKey(
  async ({ url, auth }) => {
    const q = parseInput(listPartnersQuerySchema, searchParamsObject(url), "The query");
    return json(await listPartners(auth.org.id, { status: q.status, page: q.page, perPage: q.per_page }));
  },
  { permission: "keys:read" },
);

// POST /api/v1/partners — add a partner: its first key is made and the claim link emailed
export const POST = withApiKey(
  async ({ req, auth }) => {
    const input = await parseBody(req, createPartnerSchema);
    assertKeyMayGrant(auth, LEVEL_PERMISSIONS[input.level]);
    return json(await createPartner(auth.org.id, input, auth.actor), 201);
  },
  { permission: "keys:write" },
);
