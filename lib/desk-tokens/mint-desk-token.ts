// Desk tokens: minted by a signed-in user for scripts that act as them on the approvals API, 24 h at
// most, stored hashed, shown once.
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/audit/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { sha256 } from "@/lib/crypto/secret-box";
import { ApiError } from "@/lib/http/problem";
import { randomBase62 } from "@/lib/keys/key-format";

export const DESK_TOKEN_PREFIX = "kdt_";

export const MAX_DESK_TOKEN_HOURS = 24;

export function serializeDeskToken(t: { id: string; name: string; start: string; expiresAt: Date; revokedAt: Date | null; lastUsedAt: Date | null; createdAt: Date }) {
  return {
    id: t.id, name: t.name, start: t.start,
    expires_at: t.expiresAt.toISOString(), revoked_at: t.revokedAt?.toISOString() ?? null,
    last_used_at: t.lastUsedAt?.toISOString() ?? null, created_at: t.createdAt.toISOString(),
  };
}

export async function mintDeskToken(organizationId: string, userId: string, input: { name?: string; expiresInHours: number }, actor: Actor) {
  if (!(input.expiresInHours > 0 && input.expiresInHours <= MAX_DESK_TOKEN_HOURS)) {
    throw new ApiError("invalid_request", "The request has invalid fields.", { errors: [{ path: "expires_in_hours", message: `Between 1 minute and ${MAX_DESK_TOKEN_HOURS} hours` }] });
  }
  const token = DESK_TOKEN_PREFIX + randomBase62(40);
  const row = await db.$transaction(async (tx) => {
    const t = await tx.deskToken.create({
      data: {
        organizationId, userId, name: input.name?.trim() || "Desk token", hash: sha256(token), start: token.slice(0, 8),
        expiresAt: new Date(Date.now() + input.expiresInHours * 3600_000),
      },
    });
    await recordAuditEvent(tx, { organizationId, actor, action: "desk_token.created", targetType: "desk_token", targetId: t.id, metadata: { expires_at: t.expiresAt } });
    return t;
  });
  return { token, deskToken: serializeDeskToken(row) };
}
