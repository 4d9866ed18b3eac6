import type { KeyAuth } from "@/lib/http/with-api-key";
import { getKeyOrThrow } from "@/lib/keys/get-key-or-throw";
import { serializeKey } from "@/lib/keys/serialize-key";

/** What GET /api/v1/me answers: who this key is, for whom, and how much of its hour is left. */
export async function describeKey(auth: KeyAuth) {
  const key = serializeKey(await getKeyOrThrow(auth.org.id, auth.key.keyId));
  const secret = key.secrets.find((s) => s.id === auth.key.secretId);
  return {
    key: {
      id: key.id,
      name: key.name,
      prefix: secret?.start ?? key.start,
      start: secret?.start ?? key.start,
      end: secret?.end ?? key.end,
      preset: key.preset,
      permissions: key.permissions,
      partner_id: key.partner_id,
      expires_at: key.expires_at,
      secret_expires_at: secret?.expires_at ?? null,
    },
    organization: { id: auth.org.id, slug: auth.org.slug, name: auth.org.name, plan: auth.org.plan },
    rate_limit: { limit: auth.rateLimit.limit, remaining: auth.rateLimit.remaining, reset: auth.rateLimit.resetSeconds, window_seconds: 3600 },
    transport: auth.transport,
  };
}
