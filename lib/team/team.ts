// The team: members, and invitations by email with a link that expires. The invitee sets a password
// (or, with an account already, confirms theirs) and joins with the invited role.
import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Actor } from "@/lib/audit/actor";
import { assertMayGrantRole, type Granter } from "@/lib/auth/grants";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { randomToken, sha256 } from "@/lib/crypto/secret-box";
import { ApiError } from "@/lib/http/problem";
import { escapeHtml, sendMail } from "@/lib/mail/send-mail";
import { isUniqueViolation } from "@/lib/orgs/lock-org";
import { hashPassword, normalizeEmail, verifyPassword } from "@/lib/users/password";
import type { InviteMemberInput } from "@/lib/validations/team";
import type { Role } from "@/lib/auth/roles";

export const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;

export async function listMembers(organizationId: string) {
  const rows = await db.membership.findMany({
    where: { organizationId },
    include: { user: { select: { id: true, email: true, name: true, lastSignInAt: true } } },
    orderBy: { createdAt: "asc" },
  });
  const invitations = await db.invitation.findMany({ where: { organizationId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } }, orderBy: { createdAt: "desc" } });
  return {
    data: rows.map((m) => ({
      user_id: m.user.id, email: m.user.email, name: m.user.name, role: m.role,
      joined_at: m.createdAt.toISOString(), last_sign_in_at: m.user.lastSignInAt?.toISOString() ?? null,
    })),
    invitations: invitations.map(serializeInvitation),
  };
}

function serializeInvitation(i: { id: string; email: string; role: Role; expiresAt: Date; createdAt: Date; acceptedAt: Date | null }) {
  return { id: i.id, email: i.email, role: i.role, expires_at: i.expiresAt.toISOString(), created_at: i.createdAt.toISOString(), accepted_at: i.acceptedAt?.toISOString() ?? null };
}

export function invitationUrl(token: string) {
  return new URL(`/invite/${token}`, env.authUrl).toString();
}

/** Creates the invitation and sends the email. The invitation is kept even when sending fails (resend). */
export async function inviteMember(organizationId: string, input: InviteMemberInput, actor: Actor, granter: Granter) {
  assertMayGrantRole(granter, input.role); // roles granted never exceed the granter's
  const email = normalizeEmail(input.email);
  const token = randomToken();
  const { invitation, org } = await db.$transaction(async (tx) => {
    const org = await tx.organization.findUniqueOrThrow({ where: { id: organizationId } });
    const existing = await tx.membership.findFirst({ where: { organizationId, user: { email } } });
    if (existing) throw new ApiError("conflict", `${email} is already a member of ${org.name}.`);
    // a new invitation voids older open ones for the same address
    await tx.invitation.updateMany({ where: { organizationId, email, acceptedAt: null }, data: { expiresAt: new Date() } });
    const invitation = await tx.invitation.create({
      data: { organizationId, email, role: input.role, tokenHash: sha256(token), expiresAt: new Date(Date.now() + INVITATION_TTL_MS), invitedByLabel: actor.label },
    });
    await recordAuditEvent(tx, { organizationId, actor, action: "member.invited", targetType: "invitation", targetId: invitation.id, metadata: { email, role: input.role } });
    return { invitation, org };
  });
  const mail = await sendInvitationMail({ email, role: input.role, expiresAt: invitation.expiresAt }, token, org.name, actor.label);
  return { ...serializeInvitation(invitation), delivery: mail.via };
}

/** The invitation mail: who invites whom to what, the one-time link and when it expires. */
export function sendInvitationMail(inv: { email: string; role: string; expiresAt: Date }, token: string, orgName: string, inviter: string) {
  const url = invitationUrl(token);
  return sendMail({
    to: inv.email,
    fromName: `${orgName} via Keydesk`,
    subject: `You are invited to ${orgName} on Keydesk`,
    text: `${inviter} invited you to join ${orgName} on Keydesk as ${inv.role}.\n\nSet your password and join: ${url}\n\nThe link works once and expires on ${inv.expiresAt.toUTCString()}. Not expecting this? Ignore this mail: nothing happens unless you open the link and join.`,
    html: `<p>${escapeHtml(inviter)} invited you to join <strong>${escapeHtml(orgName)}</strong> on Keydesk as ${escapeHtml(inv.role)}.</p><p><a href="${escapeHtml(url)}">Set your password and join</a></p><p>The link works once and expires on ${escapeHtml(inv.expiresAt.toUTCString())}. Not expecting this? Ignore this mail: nothing happens unless you open the link and join.</p>`,
  });
}

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
