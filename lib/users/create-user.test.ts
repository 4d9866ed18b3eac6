import { describe, expect, it } from "vitest";
import { systemActor } from "@/lib/audit/actor";
import { db } from "@/lib/db";
import { createUser } from "@/lib/users/create-user";
import { verifyPassword } from "@/lib/users/password";
import { makeOrg, rand } from "@/test/factories";

const actor = systemActor("test");
const PASSWORD = "correct horse battery";

describe("createUser", () => {
  it("stores the email lower-cased, an argon2id hash and the membership, with an audit event", async () => {
    const org = await makeOrg();
    const email = `Mixed.Case-${rand()}@Example.COM`;
    const { user, membership } = await createUser({ email: `  ${email} `, password: PASSWORD, role: "admin", organizationId: org.id }, actor);
    expect(user.email).toBe(email.toLowerCase());
    expect(membership).toMatchObject({ organizationId: org.id, role: "admin", userId: user.id });
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row.passwordHash, PASSWORD)).toBe(true);
    expect(await db.auditEvent.count({ where: { organizationId: org.id, action: "member.added", targetId: user.id } })).toBe(1);
  });

  it("refuses an email that exists in another case, writing nothing", async () => {
    const org = await makeOrg();
    const email = `dup-${rand()}@example.com`;
    await createUser({ email, password: PASSWORD, role: "owner", organizationId: org.id }, actor);
    const users = await db.user.count();
    await expect(createUser({ email: email.toUpperCase(), password: PASSWORD, role: "agent", organizationId: org.id }, actor)).rejects.toMatchObject({ code: "conflict", message: `A user with email ${email} already exists.` });
    expect(await db.user.count()).toBe(users);
    expect(await db.membership.count({ where: { organizationId: org.id } })).toBe(1);
  });

  it("is race-safe on the unique email", async () => {
    const org = await makeOrg();
    const email = `race-${rand()}@example.com`;
    const results = await Promise.allSettled([
      createUser({ email, password: PASSWORD, role: "owner", organizationId: org.id }, actor),
      createUser({ email: email.toUpperCase(), password: PASSWORD, role: "owner", organizationId: org.id }, actor),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it.each([
    [{ password: "short-pass" }, "invalid_request", "Password must be at least 12 characters long."],
    [{ email: "not-an-email" }, "invalid_request", '"not-an-email" is not a valid email address.'],
    [{ role: "boss" }, "invalid_request", 'Unknown role "boss": use owner, admin or agent.'],
    [{ organizationId: "nope" }, "not_found", "No such organization."],
  ])("refuses %j and writes nothing", async (over, code, message) => {
    const org = await makeOrg();
    const email = `bad-${rand()}@example.com`;
    const params = { email, password: PASSWORD, role: "agent" as const, organizationId: org.id, ...over } as Parameters<typeof createUser>[0];
    await expect(createUser(params, actor)).rejects.toMatchObject({ code, message });
    expect(await db.user.count({ where: { email } })).toBe(0);
  });
});
