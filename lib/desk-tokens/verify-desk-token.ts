// The request path's check of `Authorization: DeskToken ...`: hash, live, the user still a member;
// last use recorded at most once a minute.
import "server-only";
import { db } from "@/lib/db";
import { sha256 } from "@/lib/crypto/secret-box";
import { DESK_TOKEN_PREFIX } from "@/lib/desk-tokens/mint-desk-token";

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
