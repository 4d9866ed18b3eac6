import { revokeDeskToken } from "@/lib/desk-tokens/revoke-desk-token";
import { ApiError } from "@/lib/http/problem";
import { json } from "@/lib/http/respond";
import { withActor } from "@/lib/http/with-actor";

// DELETE /api/v2/desk-tokens/{id} — revoke one of your desk tokens
export const DELETE = withActor<{ id: string }>(
  async ({ params, principal }) => {
    if (principal.via === "key") throw new ApiError("forbidden", "Desk tokens belong to people: sign in.");
    return json(await revokeDeskToken(principal.organizationId, principal.userId, params.id, principal.actor));
  },
  { permission: "team:write", keys: false },
);
