import { json } from "@/lib/http/respond";
import { withApiKey } from "@/lib/http/with-api-key";
import { mayManageKey } from "@/lib/auth/grants";
import { restoreKey } from "@/lib/keys/delete-key";

// POST /api/v1/keys/{id}/restore — bring back a key deleted in the last 30 days
export const POST = withApiKey<{ id: string }>(
  async ({ params, auth }) => json(await restoreKey(auth.org.id, params.id, auth.actor, mayManageKey(auth))),
  { permission: "keys:write" },
);
