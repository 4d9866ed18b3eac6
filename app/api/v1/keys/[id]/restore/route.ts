import { json } from "@/lib/http/respond";
import { withApiKey } from "@/lib/http/with-api-key";
import { assertKeyMayGrant } from "@/lib/keys/assert-key-may-grant";
import { restoreKey } from "@/lib/keys/delete-key";
import { getKeyOrThrow } from "@/lib/keys/get-key-or-throw";

// POST /api/v1/keys/{id}/restore — bring back a key deleted in the last 30 days
export const POST = withApiKey<{ id: string }>(
  async ({ params, auth }) => {
    assertKeyMayGrant(auth, (await getKeyOrThrow(auth.org.id, params.id)).permissions as string[]);
    return json(await restoreKey(auth.org.id, params.id, auth.actor));
  },
  { permission: "keys:write" },
);
