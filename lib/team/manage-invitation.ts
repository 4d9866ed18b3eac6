// An open invitation, from the team screen: "Resend" (a new link, a new week; the old link stops)
// or "Revoke" (the link stops working). The granter must be allowed to grant the invited role.
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/audit/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertMayGrantRole, type Granter } from "@/lib/auth/grants";
import { randomToken, sha256 } from "@/lib/crypto/secret-box";
import { ApiError } from "@/lib/http/problem";
import { INVITATION_TTL_MS, sendInvitationMail } from "@/lib/team/invite-member";

async function openInvitation(organizationId: string, id: string) {
  const inv = await db.invitation.findFirst({ where: { id, organizationId, acceptedAt: null, revokedAt: null }, include: { organization: { select: { name: true } } } });
  if (!inv) throw new ApiError("not_found", "This invitation is not open any more.");
  return inv;
}

export async function resendInvitation(organizationId: string, id: string, actor: Actor, granter: Granter) {
  const inv = await openInvitation(organizationId, id);
  assertMayGrantRole(granter, inv.role);
  const token = randomToken();
  const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
  await db.$transaction(async (tx) => {
    const { count } = await tx.invitation.updateMany({ where: { id, acceptedAt: null, revokedAt: null }, data: { tokenHash: sha256(token), expiresAt } });
    if (count === 0) throw new ApiError("not_found", "This invitation is not open any more.");
    await recordAuditEvent(tx, { organizationId, actor, action: "member.invitation_resent", targetType: "invitation", targetId: id, metadata: { email: inv.email, role: inv.role } });
  });
  const mail = await sendInvitationMail({ email: inv.email, role: inv.role, expiresAt }, token, inv.organization.name, actor.label);
  return { email: inv.email, delivery: mail.via };
}

export async function revokeInvitation(organizationId: string, id: string, actor: Actor, granter: Granter) {
  const inv = await openInvitation(organizationId, id);
  assertMayGrantRole(granter, inv.role);
  await db.$transaction(async (tx) => {
    const { count } = await tx.invitation.updateMany({ where: { id, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count === 0) throw new ApiError("not_found", "This invitation is not open any more.");
    await recordAuditEvent(tx, { organizationId, actor, action: "member.invitation_revoked", targetType: "invitation", targetId: id, metadata: { email: inv.email, role: inv.role } });
  });
  return { email: inv.email };
}
