// Inviting by email: the invitation (a one-time link that expires in 7 days) and its mail. The
// invitation is kept even when sending fails (resend).
import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Actor } from "@/lib/audit/actor";
import { assertMayGrantRole, type Granter } from "@/lib/auth/grants";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { randomToken, sha256 } from "@/lib/crypto/secret-box";
import { ApiError } from "@/lib/http/problem";
import { escapeHtml, sendMail } from "@/lib/mail/send-mail";
import { normalizeEmail } from "@/lib/users/password";
import type { InviteMemberInput } from "@/lib/validations/team";
import { serializeInvitation } from "@/lib/team/list-members";

export const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;

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
