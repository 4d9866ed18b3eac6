// Password change, sign out other sessions, and "forgot password" by email (captured by a real
// SMTP server): one-time, expiring links, no account enumeration, sessions ended where they should.
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import * as pending from "@/app/api/v2/approvals/GetApprovalNotComplete/route";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { liveSessionSelect, listSignInSessions, sessionIsLive, startSignInSession } from "@/lib/auth/sign-in-sessions";
import { changePassword, signOutOtherSessions } from "@/lib/users/change-password";
import { findPasswordReset, requestPasswordReset, resetPassword } from "@/lib/users/password-reset";
import { hashPassword, verifyPassword } from "@/lib/users/password";
import { makeOrg, rand } from "@/test/factories";
import { call } from "@/test/http";
import { decodeBody, useSmtpCapture } from "@/test/smtp";

const smtp = useSmtpCapture();

async function member(password = "the-first-password-1") {
  const org = await makeOrg();
  const user = await db.user.create({ data: { email: `pw-${rand()}@example.com`, name: "Pat", passwordHash: await hashPassword(password) } });
  await db.membership.create({ data: { userId: user.id, organizationId: org.id, role: "agent" } });
  return { org, user, actor: { type: "user" as const, id: user.id, label: user.email } };
}

async function live(userId: string, claims: { sid?: string; iat?: number }) {
  const u = await db.user.findUniqueOrThrow({ where: { id: userId }, select: liveSessionSelect(claims) });
  return sessionIsLive(u, claims);
}

async function cookieFor(userId: string, sid?: string) {
  const token = await encode({ token: { sub: userId, ...(sid ? { sid } : {}) }, secret: env.authSecret, salt: "authjs.session-token" });
  return { cookie: `authjs.session-token=${token}` };
}

describe("sessions", () => {
  it("signing out other sessions ends them (and cookies without a session id) but keeps this one", async () => {
    const { user, actor, org } = await member();
    const here = await startSignInSession(user.id, { ip: "203.0.113.5", userAgent: "Firefox" });
    const there = await startSignInSession(user.id, { ip: "198.51.100.7", userAgent: "Chrome" });
    const legacyIat = Math.floor(Date.now() / 1000) - 60;
    expect(await live(user.id, { sid: there })).toBe(true);
    expect(await live(user.id, { iat: legacyIat })).toBe(true);
    // the session-authenticated API sees the other session too, until it ends
    expect((await call(pending.GET, "/x", { headers: await cookieFor(user.id, there) })).status).toBe(200);

    expect((await listSignInSessions(user.id, here)).map((s) => [s.ip, s.current])).toEqual(expect.arrayContaining([["203.0.113.5", true], ["198.51.100.7", false]]));
    expect(await signOutOtherSessions(user.id, here, actor)).toEqual({ sessionsEnded: 1 });

    expect(await live(user.id, { sid: here })).toBe(true);
    expect(await live(user.id, { sid: there })).toBe(false);
    expect(await live(user.id, { iat: legacyIat })).toBe(false);
    expect(await live(user.id, { sid: "not-a-session" })).toBe(false);
    expect((await call(pending.GET, "/x", { headers: await cookieFor(user.id, there) })).status).toBe(401);
    expect((await call(pending.GET, "/x", { headers: await cookieFor(user.id, here) })).status).toBe(200);
    const events = await db.auditEvent.findMany({ where: { organizationId: org.id, action: "member.sessions_revoked" } });
    expect(events).toHaveLength(1);
    expect(events[0].metadata).toEqual({ sessions_ended: 1 });
  });
});

describe("changing the password", () => {
  it("needs the current password, refuses the same one, and ends the other sessions", async () => {
    const { user, actor, org } = await member("the-first-password-1");
    const here = await startSignInSession(user.id);
    const there = await startSignInSession(user.id);
    await expect(changePassword(user.id, { current: "wrong-password-123", next: "a-new-password-22" }, here, actor)).rejects.toMatchObject({ code: "invalid_request", message: "That is not your current password." });
    await expect(changePassword(user.id, { current: "the-first-password-1", next: "the-first-password-1" }, here, actor)).rejects.toMatchObject({ code: "invalid_request" });
    expect(await live(user.id, { sid: there })).toBe(true);

    expect(await changePassword(user.id, { current: "the-first-password-1", next: "a-new-password-22" }, here, actor)).toEqual({ sessionsEnded: 1 });
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } });
    expect(await verifyPassword(stored.passwordHash, "a-new-password-22")).toBe(true);
    expect(await verifyPassword(stored.passwordHash, "the-first-password-1")).toBe(false);
    expect(await live(user.id, { sid: here })).toBe(true);
    expect(await live(user.id, { sid: there })).toBe(false);
    expect(await db.auditEvent.count({ where: { organizationId: org.id, action: "member.password_changed", targetId: user.id } })).toBe(1);
  });
});

describe("forgot password", () => {
  it("mails a one-time link that expires; using it sets the password and ends every session", async () => {
    const { user, org } = await member("the-first-password-1");
    const session = await startSignInSession(user.id);
    await requestPasswordReset(user.email.toUpperCase(), { ip: "203.0.113.9" });
    const mail = smtp.messages.find((m) => m.to.includes(user.email));
    expect(mail).toBeTruthy();
    const body = decodeBody(mail!.raw);
    expect(body).toContain("Subject: Reset your Keydesk password");
    expect(body).toContain("203.0.113.9");
    const links = [...new Set(body.match(/http:\/\/localhost:3000\/reset-password\/[\w-]+/g))];
    expect(links).toHaveLength(1);
    const token = links[0].split("/").pop()!;
    expect(await findPasswordReset(token)).toMatchObject({ email: user.email });
    // the stored form is a hash, never the token
    expect(await db.passwordReset.count({ where: { userId: user.id, tokenHash: token } })).toBe(0);

    await resetPassword(token, "a-brand-new-password-3", { ip: null, userAgent: null });
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } });
    expect(await verifyPassword(stored.passwordHash, "a-brand-new-password-3")).toBe(true);
    expect(await live(user.id, { sid: session })).toBe(false);
    expect(await db.auditEvent.count({ where: { organizationId: org.id, action: "member.password_reset" } })).toBe(1);
    // once only
    expect(await findPasswordReset(token)).toBeNull();
    await expect(resetPassword(token, "another-password-44", { ip: null, userAgent: null })).rejects.toMatchObject({ code: "not_found" });
  });

  it("a newer link voids the older one, and an expired link does nothing", async () => {
    const { user } = await member();
    await requestPasswordReset(user.email, { ip: `192.0.2.${Math.floor(Math.random() * 250)}` });
    await requestPasswordReset(user.email, { ip: `192.0.2.${Math.floor(Math.random() * 250)}` });
    const tokens = smtp.messages.filter((m) => m.to.includes(user.email)).map((m) => decodeBody(m.raw).match(/reset-password\/([\w-]+)/)![1]);
    expect(tokens).toHaveLength(2);
    expect(await findPasswordReset(tokens[0])).toBeNull();
    expect(await findPasswordReset(tokens[1])).not.toBeNull();
    await db.passwordReset.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(resetPassword(tokens[1], "another-password-44", { ip: null, userAgent: null })).rejects.toMatchObject({ code: "not_found" });
  });

  it("an unknown address gets no mail and leaves no trace; asking is limited per email", async () => {
    const before = smtp.messages.length;
    await expect(requestPasswordReset(`nobody-${rand()}@example.com`, { ip: `192.0.2.${Math.floor(Math.random() * 250)}` })).resolves.toBeUndefined();
    expect(smtp.messages.length).toBe(before);
    const { user } = await member();
    for (let i = 0; i < 7; i++) await requestPasswordReset(user.email, { ip: `198.51.100.${i}` });
    expect(smtp.messages.filter((m) => m.to.includes(user.email))).toHaveLength(5);
  });
});
