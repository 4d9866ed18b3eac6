// Accepting an invitation: the invitee sets a password (or, with an account already, confirms
// theirs) and joins with the invited role, once.
import "server-only";
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { sha256 } from "@/lib/crypto/secret-box";
import { ApiError } from "@/lib/http/problem";
import { isUniqueViolation } from "@/lib/orgs/lock-org";
import { hashPassword, verifyPassword } from "@/lib/users/password";

/** The open invitation a token names, or null (unknown, used or expired: the page says the same). */
export async function findOpenInvitation(token: string) {
  const inv = await db.invitation.findUnique({ where: { tokenHash: sha256(token) }, include: { organization: { select: { name: true } } } });
  if (!inv || inv.acceptedAt || inv.revokedAt || inv.expiresAt.getTime() <= Date.now()) return null;
  const existingUser = await db.user.findUnique({ where: { email: inv.email }, select: { id: true } });
  return {
    id: inv.id, email: inv.email, role: inv.role, organizationName: inv.organization.name, hasAccount: Boolean(existingUser),
    invitedBy: inv.invitedByLabel, sentAt: inv.createdAt, expiresAt: inv.expiresAt,
  };
}

/** Accepts once: creates the user (or checks an existing user's password) and the membership. */
export async function acceptInvitation(token: string, input: { name: string; password: string }, meta: { ip?: string | null; userAgent?: string | null } = {}) {
  const open = await findOpenInvitation(token);
  if (!open) throw new ApiError("not_found", "This invitation link is not valid any more. Ask for a new one.");
  const existing = await db.user.findUnique({ where: { email: open.email }, omit: { passwordHash: false } });
  if (existing && !(await verifyPassword(existing.passwordHash, input.password))) {
    throw new ApiError("invalid_request", "That is not the password of your existing account.", { errors: [{ path: "password", message: "wrong password" }] });
  }
  const passwordHash = existing ? null : await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const { count } = await tx.invitation.updateMany({ where: { id: open.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } }, data: { acceptedAt: new Date() } });
      if (count === 0) throw new ApiError("not_found", "This invitation link is not valid any more. Ask for a new one.");
      const inv = await tx.invitation.findUniqueOrThrow({ where: { id: open.id } });
      const user = existing ?? (await tx.user.create({ data: { email: inv.email, name: input.name, passwordHash: passwordHash! } }));
      await tx.membership.create({ data: { userId: user.id, organizationId: inv.organizationId, role: inv.role } });
      await recordAuditEvent(tx, {
        organizationId: inv.organizationId,
        actor: { type: "user", id: user.id, label: user.email, ip: meta.ip ?? null, userAgent: meta.userAgent ?? null },
        action: "member.joined", targetType: "user", targetId: user.id, metadata: { role: inv.role, invitation_id: inv.id },
      });
      return { email: user.email, organizationId: inv.organizationId };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ApiError("conflict", "You are already a member of this organization.");
    throw e;
  }
}
