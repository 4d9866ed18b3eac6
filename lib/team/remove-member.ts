// A member leaves an organization (the user account stays), within the grant rules; never the last owner.
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/audit/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { ApiError } from "@/lib/http/problem";
import { assertMayGrantRole, SYSTEM_GRANTER, type Granter } from "@/lib/auth/grants";
import { assertOwnerRemains } from "@/lib/team/assert-owner-remains";
import { lockOrg } from "@/lib/orgs/lock-org";

/** Takes a user out of an organization (the user account stays); never the last owner, and only a
 * member the granter could have given that role (an Admin cannot remove an Owner). */
export async function removeMember(organizationId: string, userId: string, actor: Actor, granter: Granter = SYSTEM_GRANTER) {
  return db.$transaction(async (tx) => {
    await lockOrg(tx, organizationId);
    const m = await tx.membership.findUnique({ where: { userId_organizationId: { userId, organizationId } }, include: { user: { select: { email: true } } } });
    if (!m) throw new ApiError("not_found", "This user is not a member of the organization.");
    assertMayGrantRole(granter, m.role, m.role);
    await tx.membership.delete({ where: { id: m.id } });
    if (m.role === "owner") await assertOwnerRemains(tx, organizationId);
    await recordAuditEvent(tx, {
      organizationId, actor, action: "member.removed", targetType: "user", targetId: userId,
      metadata: { email: m.user.email, role: m.role },
    });
    return { userId, organizationId, role: m.role };
  });
}
