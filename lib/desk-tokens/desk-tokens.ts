// Desk tokens: minted by a signed-in user for scripts, bound to that user and organization, acting
// with the user's role, expiring within 24 hours, stored as SHA-256 (shown once).
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

export async function listDeskTokens(organizationId: string, userId: string) {
  const rows = await db.deskToken.findMany({ where: { organizationId, userId }, orderBy: { createdAt: "desc" }, take: 100 });
  return rows.map(serializeDeskToken);
}

export async function revokeDeskToken(organizationId: string, userId: string, id: string, actor: Actor) {
  return db.$transaction(async (tx) => {
    const t = await tx.deskToken.findFirst({ where: { id, organizationId, userId } });
    if (!t) throw new ApiError("not_found", `No desk token with id ${id}.`);
    const after = t.revokedAt ? t : await tx.deskToken.update({ where: { id }, data: { revokedAt: new Date() } });
    if (!t.revokedAt) await recordAuditEvent(tx, { organizationId, actor, action: "desk_token.revoked", targetType: "desk_token", targetId: id });
    return serializeDeskToken(after);
  });
}

/** Last use is written at most once a minute per token, off the answer's path. */
const LAST_USED_GRANULARITY_MS = 60_000;

/** The user and membership a desk token stands for, or null when unknown, revoked or expired. */
export async function verifyDeskToken(token: string, now = new Date()) {
  if (!token.startsWith(DESK_TOKEN_PREFIX) || token.length > 100) return null;
  const t = await db.deskToken.findUnique({
    where: { hash: sha256(token) },
    include: {
      user: { select: { id: true, email: true, name: true, memberships: { select: { organizationId: true, role: true } } } },
      organization: true,
    },
  });
  if (!t || t.revokedAt || t.expiresAt <= now) return null;
  const membership = t.user.memberships.find((m) => m.organizationId === t.organizationId);
  if (!membership) return null;
  if (!t.lastUsedAt || now.getTime() - t.lastUsedAt.getTime() > LAST_USED_GRANULARITY_MS) {
    void db.deskToken.update({ where: { id: t.id }, data: { lastUsedAt: now } }).catch(() => {});
  }
  return { token: t, user: { id: t.user.id, email: t.user.email, name: t.user.name }, organization: t.organization, role: membership.role };
}
