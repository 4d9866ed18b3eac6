import { listDeskTokens } from "@/lib/desk-tokens/list-desk-tokens";
import { mintDeskToken } from "@/lib/desk-tokens/mint-desk-token";
import { ApiError } from "@/lib/http/problem";
import { parseBody } from "@/lib/http/parse-body";
import { json } from "@/lib/http/respond";
import { withActor, type Principal } from "@/lib/http/with-actor";
import { mintDeskTokenSchema } from "@/lib/validations/desk-token";

function userOf(p: Principal) {
  if (p.via === "key") throw new ApiError("forbidden", "Desk tokens belong to people: sign in.");
  return p.userId;
}

// GET /api/v2/desk-tokens — the signed-in user's desk tokens (never the tokens themselves)
export const GET = withActor(async ({ principal }) => json({ data: await listDeskTokens(principal.organizationId, userOf(principal)) }), {
  permission: "team:read", keys: false,
});

// POST /api/v2/desk-tokens — mint a desk token (with the session only); shown once
export const POST = withActor(
  async ({ req, principal }) => {
    const input = await parseBody(req, mintDeskTokenSchema);
    const { token, deskToken } = await mintDeskToken(principal.organizationId, userOf(principal), { name: input.name, expiresInHours: input.expires_in_hours }, principal.actor);
    return json({ ...deskToken, token }, 201);
  },
  { permission: "team:write", keys: false, deskTokens: false },
);
