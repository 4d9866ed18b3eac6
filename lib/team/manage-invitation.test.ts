// Resending and revoking invitations, and removing members, within the grant rules.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { systemActor } from "@/lib/audit/actor";
import { SYSTEM_GRANTER } from "@/lib/auth/grants";
import { removeMember } from "@/lib/team/remove-member";
import { resendInvitation, revokeInvitation } from "@/lib/team/manage-invitation";
import { findOpenInvitation } from "@/lib/team/accept-invitation";
import { inviteMember } from "@/lib/team/invite-member";
import { makeOrg, rand } from "@/test/factories";
import { decodeBody, useSmtpCapture } from "@/test/smtp";

const smtp = useSmtpCapture();
const actor = systemActor("test");
const admin = { kind: "member" as const, role: "admin" as const };
const tokenOf = (email: string, n: number) => decodeBody(smtp.messages.filter((m) => m.to.includes(email))[n].raw).match(/\/invite\/([\w-]+)/)![1];

describe("invitations and members", () => {
  it("resend gives a new link and voids the old one; revoke voids it; both audited", async () => {
    const org = await makeOrg();
    const email = `inv-${rand()}@example.com`;
    const inv = await inviteMember(org.id, { email, role: "agent" }, actor, SYSTEM_GRANTER);
    const first = tokenOf(email, 0);
    expect(await findOpenInvitation(first)).not.toBeNull();
    await resendInvitation(org.id, inv.id, actor, admin);
    const second = tokenOf(email, 1);
    expect(await findOpenInvitation(first)).toBeNull();
    expect(await findOpenInvitation(second)).toMatchObject({ email, role: "agent" });
    await revokeInvitation(org.id, inv.id, actor, admin);
    expect(await findOpenInvitation(second)).toBeNull();
    await expect(resendInvitation(org.id, inv.id, actor, admin)).rejects.toMatchObject({ code: "not_found" });
    const actions = (await db.auditEvent.findMany({ where: { organizationId: org.id, targetId: inv.id }, orderBy: { createdAt: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["member.invited", "member.invitation_resent", "member.invitation_revoked"]);
  });

  it("an admin cannot resend an owner's invitation, touch another organization's, or remove an owner", async () => {
    const org = await makeOrg();
    const other = await makeOrg();
    const inv = await inviteMember(org.id, { email: `own-${rand()}@example.com`, role: "owner" }, actor, SYSTEM_GRANTER);
    await expect(resendInvitation(org.id, inv.id, actor, admin)).rejects.toMatchObject({ code: "forbidden" });
    await expect(revokeInvitation(other.id, inv.id, actor, SYSTEM_GRANTER)).rejects.toMatchObject({ code: "not_found" });
    const owner = await db.user.create({ data: { email: `o-${rand()}@example.com`, name: "O" } });
    await db.membership.create({ data: { userId: owner.id, organizationId: org.id, role: "owner" } });
    await expect(removeMember(org.id, owner.id, actor, admin)).rejects.toMatchObject({ code: "forbidden" });
    const agent = await db.user.create({ data: { email: `a-${rand()}@example.com`, name: "A" } });
    await db.membership.create({ data: { userId: agent.id, organizationId: org.id, role: "agent" } });
    await removeMember(org.id, agent.id, actor, admin);
    expect(await db.membership.count({ where: { userId: agent.id } })).toBe(0);
  });
});
