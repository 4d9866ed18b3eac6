"use server";
// The team screen (/settings/team): invite, resend or revoke an invitation, change a role, remove a
// member. Owners and Admins; the grant rules of lib/auth/grants.ts apply (an Admin grants and
// touches at most Admin), the last owner stays, and every change is audited by its service.
import { z } from "zod";
import { adminAction, type AdminContext } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import type { Granter } from "@/lib/auth/grants";
import { roleSchema, ROLE_LABELS } from "@/lib/auth/roles";
import { ApiError } from "@/lib/http/problem";
import { changeMemberRole } from "@/lib/team/change-member-role";
import { removeMember } from "@/lib/team/remove-member";
import { resendInvitation, revokeInvitation } from "@/lib/team/manage-invitation";
import { inviteMember } from "@/lib/team/invite-member";
import { idSchema } from "@/lib/validations/common";
import { inviteMemberSchema } from "@/lib/validations/team";

const TEAM = "/settings/team";
const granter = (ctx: AdminContext): Granter => ({ kind: "member", role: ctx.m.role });
const outboxNote = (via: string) => (via === "outbox" ? " No SMTP server is set: the mail is in data/outbox/." : "");

export const inviteMemberAction = adminAction
  .input(inviteMemberSchema, { from: (fd) => ({ email: String(fd.get("email") ?? "").trim(), role: fd.get("role") ?? "" }) })
  .revalidate(() => [TEAM])
  .action<ActionState>(async ({ ctx, input }) => {
    const inv = await inviteMember(ctx.m.organization.id, input, ctx.actor, granter(ctx));
    return { ok: true, message: `Invitation sent to ${inv.email}.${outboxNote(inv.delivery)}` };
  });

const invitationId = z.object({ invitationId: idSchema });

export const resendInvitationAction = adminAction
  .params(invitationId)
  .revalidate(() => [TEAM])
  .action<ActionState>(async ({ ctx, params }) => {
    const r = await resendInvitation(ctx.m.organization.id, params.invitationId, ctx.actor, granter(ctx));
    return { ok: true, message: `A new link went to ${r.email}; the old one no longer works.${outboxNote(r.delivery)}` };
  });

export const revokeInvitationAction = adminAction
  .params(invitationId)
  .revalidate(() => [TEAM])
  .action<ActionState>(async ({ ctx, params }) => {
    const r = await revokeInvitation(ctx.m.organization.id, params.invitationId, ctx.actor, granter(ctx));
    return { ok: true, message: `The invitation of ${r.email} is revoked.` };
  });

const userId = z.object({ userId: idSchema });

export const changeMemberRoleAction = adminAction
  .params(userId)
  .input(z.object({ role: roleSchema }), { from: (fd) => ({ role: fd.get("role") ?? "" }) })
  .revalidate(() => [TEAM])
  .action<ActionState>(async ({ ctx, params, input }) => {
    await changeMemberRole(ctx.m.organization.id, params.userId, input.role, ctx.actor, granter(ctx));
    return { ok: true, message: `Role changed to ${ROLE_LABELS[input.role]}.` };
  });

export const removeMemberAction = adminAction
  .params(userId)
  .revalidate(() => [TEAM])
  .action<ActionState>(async ({ ctx, params }) => {
    if (params.userId === ctx.m.user.id) throw new ApiError("conflict", "You cannot remove yourself. Ask another owner or admin.");
    const r = await removeMember(ctx.m.organization.id, params.userId, ctx.actor, granter(ctx));
    return { ok: true, message: `Removed from ${ctx.m.organization.name} (was ${ROLE_LABELS[r.role]}).` };
  });
