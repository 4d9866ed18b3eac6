import { parseBody } from "@/lib/http/parse-body";
import { json } from "@/lib/http/respond";
import { withApiKey } from "@/lib/http/with-api-key";
import { mayManageKey } from "@/lib/auth/grants";
import { rotateKey } from "@/lib/keys/rotate-key";
import { rotateKeySchema } from "@/lib/validations/key";

// POST /api/v1/keys/{id}/rotate — a second live secret (the old one ends at a time, by hand, or when it goes quiet); the answer holds it, once
export const POST = withApiKey<{ id: string }>(
  async ({ req, params, auth }) => {
    const input = await parseBody(req, rotateKeySchema);
    const retireWhenIdleHours = input.old_secret_retire === "when_idle" ? (input.idle_hours ?? 24) : undefined;
    const { key, secret } = await rotateKey(auth.org.id, params.id, input.old_secret_expires_at, auth.actor, mayManageKey(auth), { retireWhenIdleHours });
    return json({ ...key, key: secret });
  },
  { permission: "keys:write" },
);
