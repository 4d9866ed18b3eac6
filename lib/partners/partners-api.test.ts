// Partners end to end through the API, with email captured by a real SMTP server on 127.0.0.1.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import * as articles from "@/app/api/v1/articles/route";
import * as me from "@/app/api/v1/me/route";
import * as partners from "@/app/api/v1/partners/route";
import * as partner from "@/app/api/v1/partners/[id]/route";
import * as partnerKeys from "@/app/api/v1/partners/[id]/keys/route";
import * as resend from "@/app/api/v1/partners/[id]/resend/route";
import * as restore from "@/app/api/v1/partners/[id]/restore/route";
import * as keyRoute from "@/app/api/v1/keys/[id]/route";
import * as keyRestore from "@/app/api/v1/keys/[id]/restore/route";
import { db } from "@/lib/db";
import { resetMailTransport, sendMail, mailGoesToOutbox } from "@/lib/mail/send-mail";
import { CLAIM_TTL_MS, claimKey, findOpenClaim } from "@/lib/partners/claim-links";
import { call } from "@/test/http";
import { makeKey, makeOrg, rand } from "@/test/factories";
import { decodeBody, useSmtpCapture } from "@/test/smtp";

const smtp = useSmtpCapture();

const mailTo = (email: string) => smtp.messages.filter((m) => m.to.includes(email));
const tokenIn = (raw: string) => {
  const links = [...new Set(decodeBody(raw).match(/http:\/\/localhost:3000\/claim\/[\w-]+/g) ?? [])];
  expect(links).toHaveLength(1);
  return links[0]!.split("/").pop()!;
};
const status = async (secret: string) => (await call(me.GET, "/api/v1/me", { key: secret })).status;

describe("partners", () => {
  it("add → email with one link and no key → claim once → the key works within its level → resend → delete → restore", async () => {
    const org = await makeOrg();
    const admin = (await makeKey(org.id, { scopes: ["admin"] })).secret;
    const email = `acme-${rand()}@example.com`;
    const created = await call(partners.POST, "/x", { method: "POST", key: admin, body: { name: "Acme", email, level: "read" } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ partner: { name: "Acme", email, level: "read", status: "invited", key_count: 1 }, mail_status: "sent" });
    expect(created.body.key.secrets).toEqual([]);
    const [mail] = mailTo(email);
    expect(mail).toBeTruthy();
    expect(mail!.raw).not.toMatch(/kd_[0-9A-Za-z]{38}/);
    expect(decodeBody(mail!.raw)).toContain(`From: "${org.name} via Keydesk"`);
    const token = tokenIn(mail!.raw);

    const claimed = await claimKey(token, { ip: "203.0.113.5", userAgent: "curl" });
    expect(claimed.secret).toMatch(/^kd_/);
    const meRes = await call(me.GET, "/api/v1/me", { key: claimed.secret });
    expect(meRes.status).toBe(200);
    expect(meRes.body.key).toMatchObject({ partner_id: created.body.partner.id, permissions: ["articles:read", "categories:read", "approvals:read"] });
    const write = await call(articles.POST, "/x", { method: "POST", key: claimed.secret, body: { title: "x" } });
    expect(write.status).toBe(403);
    // single use
    await expect(claimKey(token, {})).rejects.toMatchObject({ code: "not_found" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { organizationId: org.id, action: "partner.key_claimed" } });
    expect(audit).toMatchObject({ ip: "203.0.113.5", userAgent: "curl" });
    expect((await call(partner.GET, "/x", { key: admin, params: { id: created.body.partner.id } })).body.status).toBe("active");

    // resend: a new link voids the unused one
    const pid = created.body.partner.id;
    await call(resend.POST, "/x", { method: "POST", key: admin, params: { id: pid } });
    await call(resend.POST, "/x", { method: "POST", key: admin, params: { id: pid } });
    const [, second, third] = mailTo(email);
    expect(await findOpenClaim(tokenIn(second!.raw))).toBeNull();
    const again = await claimKey(tokenIn(third!.raw), {});
    // the re-issued key replaces the lost one
    expect(await status(claimed.secret)).toBe(401);
    expect(await status(again.secret)).toBe(200);

    // delete: every key of the partner stops at once, one audit event lists them
    const extra = await call(partnerKeys.POST, "/x", { method: "POST", key: admin, params: { id: pid }, body: { name: "second" } });
    const extraSecret = (await claimKey(tokenIn(mailTo(email)[3]!.raw), {})).secret;
    expect(extra.status).toBe(201);
    const del = await call(partner.DELETE, "/x", { method: "DELETE", key: admin, params: { id: pid } });
    expect(del.body.deleted_key_ids).toHaveLength(2);
    expect(await status(again.secret)).toBe(401);
    expect(await status(extraSecret)).toBe(401);
    const ev = await db.auditEvent.findFirstOrThrow({ where: { targetId: pid, action: "partner.deleted" } });
    expect((ev.metadata as { keys: unknown[] }).keys).toHaveLength(2);
    // restore brings the partner and both keys back
    expect((await call(restore.POST, "/x", { method: "POST", key: admin, params: { id: pid } })).body.status).toBe("active");
    expect(await status(again.secret)).toBe(200);
    expect(await status(extraSecret)).toBe(200);
  });

  it("a link is dead after 72 hours (time moved, not slept)", async () => {
    const org = await makeOrg();
    const admin = (await makeKey(org.id, { scopes: ["admin"] })).secret;
    const email = `late-${rand()}@example.com`;
    await call(partners.POST, "/x", { method: "POST", key: admin, body: { name: "Late", email, level: "write" } });
    const token = tokenIn(mailTo(email)[0]!.raw);
    const later = new Date(Date.now() + CLAIM_TTL_MS + 1000);
    expect(await findOpenClaim(token, later)).toBeNull();
    await expect(claimKey(token, {}, later)).rejects.toMatchObject({ code: "not_found" });
    expect(await findOpenClaim(token)).not.toBeNull();
  });

  it("the level bounds keys; narrowing needs confirmation and lists the keys", async () => {
    const org = await makeOrg();
    const admin = (await makeKey(org.id, { scopes: ["admin"] })).secret;
    const p = await call(partners.POST, "/x", { method: "POST", key: admin, body: { name: "Wide", email: `w-${rand()}@example.com`, level: "read_write" } });
    const pid = p.body.partner.id;
    const tooWide = await call(partnerKeys.POST, "/x", { method: "POST", key: admin, params: { id: pid }, body: { permissions: ["keys:write"] } });
    expect(tooWide.status).toBe(400);
    const widen = await call(keyRoute.PATCH, "/x", { method: "PATCH", key: admin, params: { id: p.body.key.id }, body: { scopes: ["admin"] } });
    expect(widen.status).toBe(400);
    const unconfirmed = await call(partner.PATCH, "/x", { method: "PATCH", key: admin, params: { id: pid }, body: { level: "read" } });
    expect(unconfirmed.status).toBe(409);
    expect(unconfirmed.body.keys_to_narrow).toEqual([expect.objectContaining({ id: p.body.key.id, narrowed_to: ["articles:read", "categories:read", "approvals:read"] })]);
    expect((await db.partner.findUniqueOrThrow({ where: { id: pid } })).level).toBe("read_write");
    const ok = await call(partner.PATCH, "/x", { method: "PATCH", key: admin, params: { id: pid }, body: { level: "read", narrow_keys: true } });
    expect(ok.body.level).toBe("read");
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: p.body.key.id } })).permissions).toEqual(["articles:read", "categories:read", "approvals:read"]);
  });

  it("another organization's partner is 404 everywhere", async () => {
    const org = await makeOrg();
    const admin = (await makeKey(org.id, { scopes: ["admin"] })).secret;
    const other = await makeOrg();
    const theirs = await call(partners.POST, "/x", { method: "POST", key: (await makeKey(other.id, { scopes: ["admin"] })).secret, body: { name: "T", email: `t-${rand()}@example.com`, level: "read" } });
    const params = { id: theirs.body.partner.id };
    expect((await call(partner.GET, "/x", { key: admin, params })).status).toBe(404);
    expect((await call(partner.PATCH, "/x", { method: "PATCH", key: admin, params, body: { name: "x" } })).status).toBe(404);
    expect((await call(partner.DELETE, "/x", { method: "DELETE", key: admin, params })).status).toBe(404);
    expect((await call(partnerKeys.POST, "/x", { method: "POST", key: admin, params, body: {} })).status).toBe(404);
    expect((await call(resend.POST, "/x", { method: "POST", key: admin, params })).status).toBe(404);
    expect((await call(restore.POST, "/x", { method: "POST", key: admin, params })).status).toBe(404);
    expect((await db.partner.findUniqueOrThrow({ where: { id: params.id } })).deletedAt).toBeNull();
  });

  it("a key cannot add a partner wider than itself", async () => {
    const org = await makeOrg();
    const k = (await makeKey(org.id, { permissions: ["keys:write", "articles:read", "categories:read", "approvals:read"] })).secret;
    const r = await call(partners.POST, "/x", { method: "POST", key: k, body: { name: "X", email: `x-${rand()}@example.com`, level: "read_write" } });
    expect(r.status).toBe(403);
    expect(await db.partner.count({ where: { organizationId: org.id } })).toBe(0);
  });
});

describe("partner restore and resend run the may-grant guard (issue 11)", () => {
  it("a key narrower than the partner's level can neither resend nor restore; a deleted partner's key cannot be restored alone", async () => {
    const org = await makeOrg();
    const admin = (await makeKey(org.id, { scopes: ["admin"] })).secret;
    const narrow = (await makeKey(org.id, { permissions: ["keys:write", "articles:read", "categories:read", "approvals:read"] })).secret;
    const p = await call(partners.POST, "/x", { method: "POST", key: admin, body: { name: "Wide", email: `w-${rand()}@example.com`, level: "read_write" } });
    const params = { id: p.body.partner.id };
    const sent = mailTo(p.body.partner.email).length;
    const resent = await call(resend.POST, "/x", { method: "POST", key: narrow, params });
    expect(resent.status).toBe(403);
    expect(resent.body).toMatchObject({ code: "insufficient_permissions", required: "articles:write" });
    expect(mailTo(p.body.partner.email)).toHaveLength(sent);
    expect((await call(partner.DELETE, "/x", { method: "DELETE", key: admin, params })).status).toBe(200);
    const restored = await call(restore.POST, "/x", { method: "POST", key: narrow, params });
    expect(restored.status).toBe(403);
    expect((await db.partner.findUniqueOrThrow({ where: { id: params.id } })).deletedAt).not.toBeNull();
    const lone = await call(keyRestore.POST, "/x", { method: "POST", key: admin, params: { id: p.body.key.id } });
    expect(lone.status).toBe(409);
    expect(lone.body).toMatchObject({ code: "conflict", partner_id: params.id, detail: expect.stringContaining("deleted partner") });
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: p.body.key.id } })).deletedAt).not.toBeNull();
    expect((await call(restore.POST, "/x", { method: "POST", key: admin, params })).body.status).not.toBe("deleted");
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: p.body.key.id } })).deletedAt).toBeNull();
  });
});

describe("mail without SMTP_URL", () => {
  it("writes a readable .eml to data/outbox with both parts and logs nothing secret", async () => {
    const saved = process.env.SMTP_URL;
    delete process.env.SMTP_URL;
    resetMailTransport();
    try {
      // what the dashboard's toasts say ("saved in data/outbox/") follows the same setting
      expect(mailGoesToOutbox()).toBe(true);
      const r = await sendMail({ to: "p@example.com", subject: "Hello outbox", text: "plain body", html: "<p>html body</p>", fromName: "Acme via Keydesk" });
      expect(r.via).toBe("outbox");
      const eml = fs.readFileSync(r.file!, "utf8");
      // issue 11: claim and invitation links are live secrets: owner-only file
      expect(fs.statSync(r.file!).mode & 0o777).toBe(0o600);
      expect(eml).toContain("Subject: Hello outbox");
      expect(eml).toContain("To: p@example.com");
      expect(eml).toMatch(/From: "?Acme via Keydesk"? </);
      expect(eml).toContain("text/plain");
      expect(eml).toContain("text/html");
      expect(eml).toContain("plain body");
      fs.rmSync(r.file!);
    } finally {
      process.env.SMTP_URL = saved;
      resetMailTransport();
    }
    expect(mailGoesToOutbox()).toBe(!saved);
  });
});

describe("maintenance", () => {
  it("purges partners and keys deleted more than 30 days ago, and keeps younger ones", async () => {
    const { runMaintenance } = await import("@/lib/maintenance/start-maintenance");
    const { RESTORE_WINDOW_MS } = await import("@/lib/keys/delete-key");
    const org = await makeOrg();
    const admin = (await makeKey(org.id, { scopes: ["admin"] })).secret;
    const old = await call(partners.POST, "/x", { method: "POST", key: admin, body: { name: "Old", email: `o-${rand()}@example.com`, level: "read" } });
    const young = await call(partners.POST, "/x", { method: "POST", key: admin, body: { name: "Young", email: `y-${rand()}@example.com`, level: "read" } });
    await call(partner.DELETE, "/x", { method: "DELETE", key: admin, params: { id: old.body.partner.id } });
    await call(partner.DELETE, "/x", { method: "DELETE", key: admin, params: { id: young.body.partner.id } });
    const r = await runMaintenance(Date.now() + RESTORE_WINDOW_MS - 60_000);
    expect(r.partners).toBe(0);
    await db.partner.update({ where: { id: old.body.partner.id }, data: { deletedAt: new Date(Date.now() - RESTORE_WINDOW_MS - 1000) } });
    await runMaintenance();
    expect(await db.partner.findUnique({ where: { id: old.body.partner.id } })).toBeNull();
    expect(await db.apiKey.findUnique({ where: { id: old.body.key.id } })).toBeNull();
    expect(await db.partner.findUnique({ where: { id: young.body.partner.id } })).not.toBeNull();
  });
});
