import { parseBody, parseInput, searchParamsObject } from "@/lib/http/parse-body";
import { json } from "@/lib/http/respond";
import { withApiKey } from "@/lib/http/with-api-key";
import { assertKeyMayGrant } from "@/lib/auth/grants";
import { createKey } from "@/lib/keys/create-key";
import { listKeys } from "@/lib/keys/list-keys";
import { resolvePermissions } from "@/lib/keys/permissions";
import { createKeySchema } from "@/lib/validations/key";
import { listKeysQuerySchema } from "@/lib/validations/key-list";

// GET /api/v1/keys — the organization's keys (never a secret)
export const GET = withApiKey(
  async ({ url, auth }) => {
    const q = parseInput(listKeysQuerySchema, searchParamsObject(url), "The query");
    return json(await listKeys(auth.org.id, { status: q.status, query: q.query, partnerId: q.partner_id, preset: q.preset, permission: q.permission, sort: q.sort, page: q.page, perPage: q.per_page, canary: q.canary === "true", expiresWithinDays: q.expires_within_days }));
  },
  { permission: "keys:read" },
);

// POST /api/v1/keys — create a key; the answer holds its secret, once
export const POST = withApiKey(
  async ({ req, auth }) => {
    const input = await parseBody(req, createKeySchema);
    assertKeyMayGrant(auth, resolvePermissions(input).permissions);
    const { key, secret } = await createKey(auth.org.id, {
      name: input.name, scopes: input.scopes, permissions: input.permissions, expiresAt: input.expires_at,
      rateLimitPerHour: input.rate_limit_per_hour, allowedIps: input.allowed_ips, canary: input.canary,
    }, auth.actor);
    return json({ ...key, key: secret }, 201);
  },
  { permission: "keys:write" },
);
