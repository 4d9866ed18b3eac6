import { parseBody } from "@/lib/http/parse-body";
import { json, noContent } from "@/lib/http/respond";
import { withApiKey } from "@/lib/http/with-api-key";
import { assertKeyMayGrant, mayManageKey } from "@/lib/auth/grants";
import { deleteKey } from "@/lib/keys/delete-key";
import { getKeyOrThrow } from "@/lib/keys/get-key-or-throw";
import { resolvePermissions } from "@/lib/keys/permissions";
import { serializeKey } from "@/lib/keys/serialize-key";
import { updateKey } from "@/lib/keys/update-key";
import { updateKeySchema } from "@/lib/validations/key";

type Params = { id: string };

// GET /api/v1/keys/{id} — one key
export const GET = withApiKey<Params>(async ({ params, auth }) => json(serializeKey(await getKeyOrThrow(auth.org.id, params.id))), { permission: "keys:read" });

// PATCH /api/v1/keys/{id} — rename, re-scope, change expiry, rate limit or allowed IPs; pause or resume
export const PATCH = withApiKey<Params>(
  async ({ req, params, auth }) => {
    const input = await parseBody(req, updateKeySchema);
    if (input.scopes || input.permissions) assertKeyMayGrant(auth, resolvePermissions(input).permissions);
    return json(await updateKey(auth.org.id, params.id, {
      name: input.name, scopes: input.scopes, permissions: input.permissions, expiresAt: input.expires_at, rateLimitPerHour: input.rate_limit_per_hour,
      allowedIps: input.allowed_ips, disabled: input.disabled,
    }, auth.actor, mayManageKey(auth)));
  },
  { permission: "keys:write" },
);

// DELETE /api/v1/keys/{id} — delete a key (restorable for 30 days)
export const DELETE = withApiKey<Params>(
  async ({ params, auth }) => {
    await deleteKey(auth.org.id, params.id, auth.actor, mayManageKey(auth));
    return noContent();
  },
  { permission: "keys:write" },
);
