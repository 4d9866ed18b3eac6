import { describe, expect, it } from "vitest";
import { systemActor } from "@/lib/audit/actor";
import { SYSTEM_GRANTER } from "@/lib/auth/grants";
import { db } from "@/lib/db";
import { changeMemberRole } from "@/lib/team/change-member-role";
import { removeMember } from "@/lib/team/remove-member";
import { createUser } from "@/lib/users/create-user";
import { makeOrg, rand } from "@/test/factories";

const actor = systemActor("test");
const PASSWORD = "correct horse battery";

async function member(orgId: string, role: "owner" | "admin" | "agent") {
  const { user } = await createUser({ email: `${role}-${rand()}@example.com`, password: PASSWORD, role, organizationId: orgId }, actor);
  return user;
}

describe("an organization keeps at least one owner", () => {
  it("refuses to demote the last owner and changes nothing", async () => {
    const org = await makeOrg();
    const owner = await member(org.id, "owner");
    await expect(changeMemberRole(org.id, owner.id, "admin", actor, SYSTEM_GRANTER)).rejects.toMatchObject({ code: "conflict", status: 409, message: expect.stringContaining("at least one owner") });
    const m = await db.membership.findUniqueOrThrow({ where: { userId_organizationId: { userId: owner.id, organizationId: org.id } } });
    expect(m.role).toBe("owner");
    expect(await db.auditEvent.count({ where: { organizationId: org.id, action: "member.role_changed" } })).toBe(0);
  });

  it("refuses to remove the last owner and changes nothing", async () => {
    const org = await makeOrg();
    const owner = await member(org.id, "owner");
    await member(org.id, "admin");
    await expect(removeMember(org.id, owner.id, actor)).rejects.toMatchObject({ code: "conflict" });
    expect(await db.membership.count({ where: { organizationId: org.id, role: "owner" } })).toBe(1);
  });

  it("lets an owner go once another owner exists, with an audit event", async () => {
    const org = await makeOrg();
    const a = await member(org.id, "owner");
    const b = await member(org.id, "admin");
    await changeMemberRole(org.id, b.id, "owner", actor, SYSTEM_GRANTER);
    await changeMemberRole(org.id, a.id, "agent", actor, SYSTEM_GRANTER);
    await removeMember(org.id, a.id, actor);
    expect(await db.membership.findMany({ where: { organizationId: org.id }, select: { userId: true, role: true } })).toEqual([{ userId: b.id, role: "owner" }]);
    const events = await db.auditEvent.findMany({ where: { organizationId: org.id, action: { in: ["member.role_changed", "member.removed"] } }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["member.role_changed", "member.role_changed", "member.removed"]);
    expect(events[1]!.metadata).toMatchObject({ before: { role: "owner" }, after: { role: "agent" } });
  });

  // Several pairs at once so the transactions really interleave (checked: without lockOrg this fails).
  it("is race-safe: two owners demoting each other at once leave one owner", async () => {
    const pairs = await Promise.all(Array.from({ length: 6 }, async () => {
      const org = await makeOrg();
      return { org, a: await member(org.id, "owner"), b: await member(org.id, "owner") };
    }));
    await Promise.allSettled(pairs.flatMap(({ org, a, b }) => [changeMemberRole(org.id, a.id, "admin", actor, SYSTEM_GRANTER), changeMemberRole(org.id, b.id, "admin", actor, SYSTEM_GRANTER)]));
    for (const { org } of pairs) expect(await db.membership.count({ where: { organizationId: org.id, role: "owner" } })).toBe(1);
  });

  it("is race-safe for removals too", async () => {
    const pairs = await Promise.all(Array.from({ length: 6 }, async () => {
      const org = await makeOrg();
      return { org, a: await member(org.id, "owner"), b: await member(org.id, "owner") };
    }));
    await Promise.allSettled(pairs.flatMap(({ org, a, b }) => [removeMember(org.id, a.id, actor), removeMember(org.id, b.id, actor)]));
    for (const { org } of pairs) expect(await db.membership.count({ where: { organizationId: org.id, role: "owner" } })).toBe(1);
  });

  it("answers not_found for a non-member or an unknown organization", async () => {
    const org = await makeOrg();
    const other = await makeOrg();
    const stranger = await member(other.id, "owner");
    await expect(changeMemberRole(org.id, stranger.id, "admin", actor, SYSTEM_GRANTER)).rejects.toMatchObject({ code: "not_found" });
    await expect(removeMember(org.id, stranger.id, actor)).rejects.toMatchObject({ code: "not_found" });
    await expect(removeMember("no-such-org", stranger.id, actor)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("role changes never exceed the granter (issue 11)", () => {
  it("an Admin assigns at most admin and cannot touch an owner; a key never makes an owner", async () => {
    const org = await makeOrg();
    const owner = await member(org.id, "owner");
    const agent = await member(org.id, "agent");
    const asAdmin = { kind: "member", role: "admin" } as const;
    await expect(changeMemberRole(org.id, agent.id, "owner", actor, asAdmin)).rejects.toMatchObject({ code: "forbidden", status: 403 });
    await expect(changeMemberRole(org.id, owner.id, "agent", actor, asAdmin)).rejects.toMatchObject({ code: "forbidden", status: 403 });
    await expect(changeMemberRole(org.id, agent.id, "owner", actor, { kind: "key", permissions: ["team:write"] })).rejects.toMatchObject({ code: "insufficient_permissions" });
    await expect(changeMemberRole(org.id, agent.id, "admin", actor, { kind: "key", permissions: ["team:write"] })).rejects.toMatchObject({ code: "insufficient_permissions" });
    expect((await db.membership.findFirstOrThrow({ where: { userId: agent.id } })).role).toBe("agent");
    await changeMemberRole(org.id, agent.id, "admin", actor, asAdmin);
    expect((await db.membership.findFirstOrThrow({ where: { userId: agent.id } })).role).toBe("admin");
    await changeMemberRole(org.id, agent.id, "owner", actor, { kind: "member", role: "owner" });
    expect((await db.membership.findFirstOrThrow({ where: { userId: agent.id } })).role).toBe("owner");
  });
});
