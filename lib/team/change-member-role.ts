// A member gets another role, within the grant rules (lib/auth/grants.ts); the last owner cannot be demoted.
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/audit/actor";
import { assertMayGrantRole, type Granter } from "@/lib/auth/grants";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { ApiError } from "@/lib/http/problem";
import { assertOwnerRemains } from "@/lib/team/assert-owner-remains";
import { lockOrg } from "@/lib/orgs/lock-org";
import { isRole, type Role } from "@/lib/auth/roles";

/** Gives a member another role; the last owner cannot be demoted (409 conflict, nothing changed). The
 * granter may give `role` and touch the member's current role (lib/auth/grants.ts). */
export async function changeMemberRole(organizationId: string, userId: string, role: Role, actor: Actor, granter: Granter) {
  if (!isRole(role)) throw new ApiError("invalid_request", `Unknown role "${String(role)}": use owner, admin or agent.`);
  return db.$transaction(async (tx) => {
    await lockOrg(tx, organizationId);
    const before = await tx.membership.findUnique({ where: { userId_organizationId: { userId, organizationId } }, include: { user: { select: { email: true } } } });
    if (!before) throw new ApiError("not_found", "This user is not a member of the organization.");
    assertMayGrantRole(granter, role, before.role);
    if (before.role === role) return before;
    const after = await tx.membership.update({ where: { id: before.id }, data: { role } });
    if (before.role === "owner") await assertOwnerRemains(tx, organizationId);
    await recordAuditEvent(tx, {
      organizationId, actor, action: "member.role_changed", targetType: "user", targetId: userId,
      metadata: { email: before.user.email, before: { role: before.role }, after: { role } },
    });
    return after;
  });
}
