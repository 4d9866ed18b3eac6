// Revoking one of the user's own desk tokens (audited).
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/audit/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { ApiError } from "@/lib/http/problem";
import { serializeDeskToken } from "@/lib/desk-tokens/mint-desk-token";

export async function revokeDeskToken(organizationId: string, userId: string, id: string, actor: Actor) {
  return db.$transaction(async (tx) => {
    const t = await tx.deskToken.findFirst({ where: { id, organizationId, userId } });
    if (!t) throw new ApiError("not_found", `No desk token with id ${id}.`);
    const after = t.revokedAt ? t : await tx.deskToken.update({ where: { id }, data: { revokedAt: new Date() } });
    if (!t.revokedAt) await recordAuditEvent(tx, { organizationId, actor, action: "desk_token.revoked", targetType: "desk_token", targetId: id });
    return serializeDeskToken(after);
  });
}
