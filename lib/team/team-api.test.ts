// Team API and invitations, with the email captured by a real SMTP server on 127.0.0.1.
import { describe, expect, it } from "vitest";
import * as team from "@/app/api/v1/team/route";
import * as invitations from "@/app/api/v1/team/invitations/route";
import { db } from "@/lib/db";
import { systemActor } from "@/lib/audit/actor";
import { acceptInvitation, findOpenInvitation } from "@/lib/team/accept-invitation";
import { inviteMember } from "@/lib/team/invite-member";
import { verifyPassword } from "@/lib/users/password";
import { call } from "@/test/http";
import { makeKey, makeOrg, rand } from "@/test/factories";
import { decodeBody, useSmtpCapture } from "@/test/smtp";

const smtp = useSmtpCapture();

describe("team API", () => {
  it("invites by email with a one-time link; the invitee sets a password and joins", async () => {
    const org = await makeOrg();
    const admin = (await makeKey(org.id, { scopes: ["admin"] })).secret;
    const email = `new-${rand()}@Example.com`;
    const r = await call(invitations.POST, "/x", { method: "POST", key: admin, body: { email, role: "agent" } });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ email: email.toLowerCase(), role: "agent", delivery: "smtp", accepted_at: null });
    const mail = smtp.messages.find((m) => m.to.includes(email.toLowerCase()))!;
    expect(mail).toBeTruthy();
    const body = decodeBody(mail.raw);
    expect(body).toContain(`Subject: You are invited to ${org.name} on Keydesk`);
    const links = [...new Set(body.match(/http:\/\/localhost:3000\/invite\/[\w-]+/g))];
    expect(links).toHaveLength(1);
    const token = links[0]!.split("/").pop()!;
    expect((await findOpenInvitation(token))?.email).toBe(email.toLowerCase());
    await acceptInvitation(token, { name: "New Person", password: "a-long-password-1" });
    const user = await db.user.findUniqueOrThrow({ where: { email: email.toLowerCase() }, omit: { passwordHash: false } });
    expect(await verifyPassword(user.passwordHash, "a-long-password-1")).toBe(true);
    const members = await call(team.GET, "/x", { key: admin });
    expect(members.body.data).toContainEqual(expect.objectContaining({ email: email.toLowerCase(), role: "agent", name: "New Person" }));
    // single use
    expect(await findOpenInvitation(token)).toBeNull();
    await expect(acceptInvitation(token, { name: "x", password: "a-long-password-1" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("an expired link is dead; a member cannot be invited twice; team:write is needed", async () => {
    const org = await makeOrg();
    const admin = (await makeKey(org.id, { scopes: ["admin"] })).secret;
    const email = `late-${rand()}@example.com`;
    await call(invitations.POST, "/x", { method: "POST", key: admin, body: { email, role: "admin" } });
    const token = decodeBody(smtp.messages.find((m) => m.to.includes(email))!.raw).match(/\/invite\/([\w-]+)/)![1]!;
    await db.invitation.updateMany({ where: { email }, data: { expiresAt: new Date(Date.now() - 1) } });
    await expect(acceptInvitation(token, { name: "x", password: "a-long-password-1" })).rejects.toMatchObject({ code: "not_found" });
    expect(await db.user.findUnique({ where: { email } })).toBeNull();
    const reader = (await makeKey(org.id, { scopes: ["read"] })).secret;
    expect((await call(invitations.POST, "/x", { method: "POST", key: reader, body: { email, role: "agent" } })).body.required).toBe("team:write");
    expect((await call(invitations.POST, "/x", { method: "POST", key: admin, body: { email: "nope", role: "boss" } })).status).toBe(400);
  });
});

describe("roles granted never exceed the granter (issue 11)", () => {
  it("a team:write key invites at most agent; an admin-preset key at most admin; no key invites an owner", async () => {
    const org = await makeOrg();
    const teamWriter = (await makeKey(org.id, { permissions: ["team:write"] })).secret;
    const admin = (await makeKey(org.id, { scopes: ["admin"] })).secret;
    const invite = (key: string, role: string) => call(invitations.POST, "/x", { method: "POST", key, body: { email: `g-${rand()}@example.com`, role } });
    for (const role of ["owner", "admin"]) {
      const r = await invite(teamWriter, role);
      expect(r.status).toBe(403);
      expect(r.body).toMatchObject({ code: "insufficient_permissions", max_role: "agent" });
    }
    expect((await invite(teamWriter, "agent")).status).toBe(201);
    const owner = await invite(admin, "owner");
    expect(owner.status).toBe(403);
    expect(owner.body).toMatchObject({ code: "insufficient_permissions", max_role: "admin", detail: expect.stringContaining("not owner") });
    expect((await invite(admin, "admin")).status).toBe(201);
    expect(await db.invitation.count({ where: { organizationId: org.id, role: { in: ["owner"] } } })).toBe(0);
    expect(await db.invitation.count({ where: { organizationId: org.id, role: "admin" } })).toBe(1);
  });

  it("a member Admin invites at most admin; an Owner may invite an owner", async () => {
    const org = await makeOrg();
    const email = `m-${rand()}@example.com`;
    await expect(inviteMember(org.id, { email, role: "owner" }, systemActor("t"), { kind: "member", role: "admin" })).rejects.toMatchObject({ code: "forbidden", status: 403 });
    await expect(inviteMember(org.id, { email, role: "admin" }, systemActor("t"), { kind: "member", role: "agent" })).rejects.toMatchObject({ status: 403 });
    await expect(inviteMember(org.id, { email, role: "admin" }, systemActor("t"), { kind: "member", role: "admin" })).resolves.toMatchObject({ role: "admin" });
    await expect(inviteMember(org.id, { email, role: "owner" }, systemActor("t"), { kind: "member", role: "owner" })).resolves.toMatchObject({ role: "owner" });
  });
});
