import { parseBody } from "@/lib/http/parse-body";
import { json } from "@/lib/http/respond";
import { withApiKey } from "@/lib/http/with-api-key";
import { assertKeyMayGrant } from "@/lib/keys/assert-key-may-grant";
import { getKeyOrThrow } from "@/lib/keys/get-key-or-throw";
import { rotateKey } from "@/lib/keys/rotate-key";
import { rotateKeySchema } from "@/lib/validations/key";

// POST /api/v1/keys/{id}/rotate — a second live secret; the answer holds it, once
export const POST = withApiKey<{ id: string }>(
  async ({ req, params, auth }) => {
    const input = await parseBody(req, rotateKeySchema);
    assertKeyMayGrant(auth, (await getKeyOrThrow(auth.org.id, params.id)).permissions as string[]);
    const { key, secret } = await rotateKey(auth.org.id, params.id, input.old_secret_expires_at, auth.actor);
    return json({ ...key, key: secret });
  },
  { permission: "keys:write" },
);
