// A signed-in user changes their password: the current one is required, the new one is stored as
// argon2id, and every other session of the user ends (the one that changed it stays signed in).
// Recorded in each of the user's organizations' history.
import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/audit/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { revokeSignInSessions } from "@/lib/auth/sign-in-sessions";
import { ApiError } from "@/lib/http/problem";
import { hashPassword, verifyPassword } from "@/lib/users/password";
import type { AuditAction } from "@/lib/audit/audit-actions";

export async function changePassword(userId: string, input: { current: string; next: string }, currentSid: string | null, actor: Actor) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, omit: { passwordHash: false } });
  if (!(await verifyPassword(user.passwordHash, input.current))) {
    throw new ApiError("invalid_request", "That is not your current password.", { errors: [{ path: "current", message: "That is not your current password." }] });
  }
  if (input.current === input.next) {
    throw new ApiError("invalid_request", "Choose a password different from the current one.", { errors: [{ path: "next", message: "Choose a password different from the current one." }] });
  }
  const passwordHash = await hashPassword(input.next);
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    const ended = await revokeSignInSessions(tx, userId, currentSid);
    await recordInUsersOrganizations(tx, userId, actor, "member.password_changed", { sessions_ended: ended });
    return { sessionsEnded: ended };
  });
}

/** Ends the user's other sessions (profile page: "Sign out other sessions"). */
export async function signOutOtherSessions(userId: string, currentSid: string | null, actor: Actor) {
  return db.$transaction(async (tx) => {
    const ended = await revokeSignInSessions(tx, userId, currentSid);
    await recordInUsersOrganizations(tx, userId, actor, "member.sessions_revoked", { sessions_ended: ended });
    return { sessionsEnded: ended };
  });
}

/** An account-level event belongs to every organization the user is in: each one's history shows it. */
export async function recordInUsersOrganizations(tx: Tx, userId: string, actor: Actor, action: AuditAction, metadata: Record<string, unknown>) {
  const memberships = await tx.membership.findMany({ where: { userId }, select: { organizationId: true } });
  for (const m of memberships) await recordAuditEvent(tx, { organizationId: m.organizationId, actor, action, targetType: "user", targetId: userId, metadata });
}
