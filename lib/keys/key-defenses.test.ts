// Keys that defend themselves (issue 14), through the API on both databases: pause and resume (also
// by partner), IP allowlists, decoy keys, and leaked keys reported by anyone.
import { describe, expect, it } from "vitest";
import * as me from "@/app/api/v1/me/route";
import * as keys from "@/app/api/v1/keys/route";
import * as keyRoute from "@/app/api/v1/keys/[id]/route";
import * as rotate from "@/app/api/v1/keys/[id]/rotate/route";
import * as partners from "@/app/api/v1/partners/route";
import * as partner from "@/app/api/v1/partners/[id]/route";
import * as leaked from "@/app/api/v1/leaked-keys/route";
import { db } from "@/lib/db";
import { systemActor } from "@/lib/audit/actor";
import { flushUsage } from "@/lib/usage/usage-recorder";
import { recordCanaryUse } from "@/lib/keys/report-canary-use";
import { reportLeakedKey } from "@/lib/keys/report-leaked-key";
import { updateOrgSettings } from "@/lib/orgs/update-org-settings";
import { claimKey } from "@/lib/partners/claim-links";
import { generateKey } from "@/lib/keys/key-format";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { createUser } from "@/lib/users/create-user";

/** An owner to be told. */
const owner = async (organizationId: string) => {
  const email = `owner-${rand()}@example.com`;
  await createUser({ email, password: "a-long-enough-password", role: "owner", organizationId }, systemActor("test"));
  return email;
};

/** An endpoint that hears the key events, so they are recorded (none is recorded for nobody). */
const listen = (organizationId: string) => createWebhook(organizationId, { url: "http://127.0.0.1:9/hook", events: ["key.leaked", "key.canary_used"] }, systemActor("test"));
import { call } from "@/test/http";
import { makeKey, makeOrg, rand } from "@/test/factories";
import { decodeBody, useSmtpCapture } from "@/test/smtp";

const smtp = useSmtpCapture();
const from = (ip: string) => ({ "x-forwarded-for": ip });
const usageOf = async (keyId: string) => {
  await flushUsage();
  const rows = await db.keyUsage.findMany({ where: { keyId } });
  return rows.reduce((n, r) => n + r.success + r.clientError + r.rateLimited + r.serverError, 0);
};

describe("pause and resume", () => {
  it("a paused key gets 401 disabled_api_key and counts no usage; resumed, it works; both audited", async () => {
    const org = await makeOrg();
    const admin = (await makeKey(org.id, { scopes: ["admin"] })).secret;
    const k = await makeKey(org.id, { scopes: ["read"] });
    expect((await call(me.GET, "/x", { key: k.secret })).status).toBe(200);
    const paused = await call(keyRoute.PATCH, "/x", { method: "PATCH", key: admin, params: { id: k.key.id }, body: { disabled: true } });
    expect(paused.status).toBe(200);
    expect(paused.body.disabled).toBe(true);
    const before = await usageOf(k.key.id);
    const r = await call(me.GET, "/x", { key: k.secret });
    expect(r.status).toBe(401);
    expect(r.body).toMatchObject({ code: "disabled_api_key", status: 401 });
    expect(await usageOf(k.key.id)).toBe(before);
    await call(keyRoute.PATCH, "/x", { method: "PATCH", key: admin, params: { id: k.key.id }, body: { disabled: false } });
    expect((await call(me.GET, "/x", { key: k.secret })).status).toBe(200);
    const actions = (await db.auditEvent.findMany({ where: { targetId: k.key.id }, orderBy: { createdAt: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["key.paused", "key.resumed"]));
  });

  it("pausing a partner pauses its keys, resuming brings them back", async () => {
    const org = await makeOrg();
    const admin = (await makeKey(org.id, { scopes: ["admin"] })).secret;
    const email = `p-${rand()}@example.com`;
    const created = await call(partners.POST, "/x", { method: "POST", key: admin, body: { name: "Acme", email, level: "read" } });
    const mail = smtp.messages.find((m) => m.to.includes(email))!;
    const token = decodeBody(mail.raw).match(/\/claim\/([\w-]+)/)![1]!;
    const { secret } = await claimKey(token, {});
    expect((await call(me.GET, "/x", { key: secret })).status).toBe(200);
    const pid = created.body.partner.id;
    const p = await call(partner.PATCH, "/x", { method: "PATCH", key: admin, params: { id: pid }, body: { disabled: true } });
    expect(p.body.disabled).toBe(true);
    expect((await call(me.GET, "/x", { key: secret })).body.code).toBe("disabled_api_key");
    await call(partner.PATCH, "/x", { method: "PATCH", key: admin, params: { id: pid }, body: { disabled: false } });
    expect((await call(me.GET, "/x", { key: secret })).status).toBe(200);
    expect(await db.auditEvent.count({ where: { targetId: pid, action: { in: ["partner.paused", "partner.resumed"] } } })).toBe(2);
  });
});

describe("IP allowlists", () => {
  it("requests from outside get 403 ip_not_allowed naming the address; inside pass; the list is normalised and audited", async () => {
    const org = await makeOrg();
    const admin = (await makeKey(org.id, { scopes: ["admin"] })).secret;
    const created = await call(keys.POST, "/x", { method: "POST", key: admin, body: { scopes: ["read"], allowed_ips: ["203.0.113.7/24", "2001:DB8::1", "203.0.113.0/24"] } });
    expect(created.status).toBe(201);
    expect(created.body.allowed_ips).toEqual(["203.0.113.0/24", "2001:db8::1"]);
    expect((await call(me.GET, "/x", { key: created.body.key, headers: from("203.0.113.200") })).status).toBe(200);
    expect((await call(me.GET, "/x", { key: created.body.key, headers: from("2001:db8::1") })).status).toBe(200);
    const out = await call(me.GET, "/x", { key: created.body.key, headers: from("198.51.100.4") });
    expect(out.status).toBe(403);
    expect(out.body).toMatchObject({ code: "ip_not_allowed", ip: "198.51.100.4" });
    // emptied: any address
    const id = created.body.id;
    const cleared = await call(keyRoute.PATCH, "/x", { method: "PATCH", key: admin, params: { id }, body: { allowed_ips: [] } });
    expect(cleared.body.allowed_ips).toEqual([]);
    expect((await call(me.GET, "/x", { key: created.body.key, headers: from("198.51.100.4") })).status).toBe(200);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: id, action: "key.updated" } });
    expect(audit.metadata).toMatchObject({ before: { allowed_ips: ["203.0.113.0/24", "2001:db8::1"] }, after: { allowed_ips: [] } });
  });

  it("refuses entries that are not addresses or ranges, and more than 100", async () => {
    const org = await makeOrg();
    const admin = (await makeKey(org.id, { scopes: ["admin"] })).secret;
    const bad = await call(keys.POST, "/x", { method: "POST", key: admin, body: { scopes: ["read"], allowed_ips: ["10.0.0.1", "example.com"] } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ path: "allowed_ips.1", message: "Not an IP address or CIDR range: example.com" }]);
    const many = Array.from({ length: 101 }, (_, i) => `10.0.${i}.1`);
    expect((await call(keys.POST, "/x", { method: "POST", key: admin, body: { scopes: ["read"], allowed_ips: many } })).status).toBe(400);
  });
});

describe("decoy keys", () => {
  it("are refused exactly as an unknown key and every use is audited and announced", async () => {
    const org = await makeOrg();
    await listen(org.id);
    const admin = (await makeKey(org.id, { scopes: ["admin"] })).secret;
    const decoy = await call(keys.POST, "/x", { method: "POST", key: admin, body: { scopes: ["admin"], canary: true, name: "decoy" } });
    expect(decoy.status).toBe(201);
    expect(decoy.body).toMatchObject({ canary: true });
    expect(decoy.body.key).toMatch(/^kd_[0-9A-Za-z]{38}$/);
    const headers = { ...from("198.51.100.9"), "user-agent": "thief/1.0" };
    const used = await call(me.GET, "/api/v1/me", { key: decoy.body.key, headers });
    const unknown = await call(me.GET, "/api/v1/me", { key: generateKey(), headers });
    expect(used.status).toBe(401);
    expect(used.body).toEqual(unknown.body);
    expect(used.headers.get("www-authenticate")).toBe(unknown.headers.get("www-authenticate"));
    await expect.poll(() => db.auditEvent.count({ where: { targetId: decoy.body.id, action: "key.canary_used" } })).toBe(1);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: decoy.body.id, action: "key.canary_used" } });
    expect(audit).toMatchObject({ ip: "198.51.100.9", userAgent: "thief/1.0" });
    expect(audit.metadata).toMatchObject({ method: "GET", path: "/api/v1/me" });
    await expect.poll(() => db.webhookEvent.count({ where: { organizationId: org.id, type: "key.canary_used" } })).toBe(1);
  });

  it("mail the owners at most once a minute per key, the uses between summed into the next mail", async () => {
    const org = await makeOrg();
    const k = await makeKey(org.id, { scopes: ["read"], canary: true });
    const to = await owner(org.id);
    const t0 = new Date();
    const use = (ms: number) => recordCanaryUse(k.key.id, org.id, { ip: "198.51.100.1", userAgent: "x", method: "GET", path: "/api/v1/me", at: new Date(t0.getTime() + ms) });
    expect(await use(0)).toEqual({ mailed: true, uses: 1 });
    expect(await use(10_000)).toMatchObject({ mailed: false });
    expect(await use(20_000)).toMatchObject({ mailed: false });
    expect(await use(61_000)).toEqual({ mailed: true, uses: 3 });
    expect(await db.auditEvent.count({ where: { targetId: k.key.id, action: "key.canary_used" } })).toBe(4);
    const mails = smtp.messages.filter((m) => m.to.includes(to));
    expect(mails).toHaveLength(2);
    expect(decodeBody(mails.at(-1)!.raw)).toContain("was used 3 times since the last alert");
  });
});

describe("leaked keys", () => {
  it("a report answers 202 alike for live and unknown keys; the live secret stops with leaked_api_key, once", async () => {
    const org = await makeOrg();
    await listen(org.id);
    const k = await makeKey(org.id, { scopes: ["read"] });
    const live = await call(leaked.POST, "/x", { method: "POST", body: { key: k.secret, url: "https://paste.example/abc" }, headers: from("192.0.2.10") });
    const bogus = await call(leaked.POST, "/x", { method: "POST", body: { key: generateKey() }, headers: from("192.0.2.10") });
    expect(live.status).toBe(202);
    expect(live.body).toEqual(bogus.body);
    await expect.poll(async () => (await call(me.GET, "/x", { key: k.secret })).body.code).toBe("leaked_api_key");
    const r = await call(me.GET, "/x", { key: k.secret });
    expect(r.body.detail).toBe("This key was found in public and was revoked. Create a new key.");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: k.key.id, action: "key.leaked" } });
    expect(audit.metadata).toMatchObject({ url: "https://paste.example/abc", action: "revoked" });
    expect(await db.webhookEvent.count({ where: { organizationId: org.id, type: "key.leaked" } })).toBe(1);
    // reported again: nothing more
    expect(await reportLeakedKey(k.secret, { reporter: "report" })).toBe("true_positive");
    expect(await db.auditEvent.count({ where: { targetId: k.key.id, action: "key.leaked" } })).toBe(1);
    // the key as the API shows it says so
    const admin = (await makeKey(org.id, { scopes: ["admin"] })).secret;
    expect((await call(keyRoute.GET, "/x", { key: admin, params: { id: k.key.id } })).body).toMatchObject({ leaked_at: expect.any(String), leaked_url: "https://paste.example/abc" });
  });

  it("only the leaked secret stops: a rotation in progress survives", async () => {
    const org = await makeOrg();
    const admin = (await makeKey(org.id, { scopes: ["admin"] })).secret;
    const k = await makeKey(org.id, { scopes: ["read"] });
    const rotated = await call(rotate.POST, "/x", { method: "POST", key: admin, params: { id: k.key.id }, body: {} });
    expect(await reportLeakedKey(k.secret, { reporter: "github", url: "https://github.com/x/y" })).toBe("true_positive");
    expect((await call(me.GET, "/x", { key: k.secret })).body.code).toBe("leaked_api_key");
    expect((await call(me.GET, "/x", { key: rotated.body.key })).status).toBe(200);
  });

  it("with leaked_key_action notify the secret keeps working, marked leaked, and people are mailed", async () => {
    const org = await makeOrg();
    await updateOrgSettings(org.id, { leakedKeyAction: "notify" }, systemActor("test"));
    const to = await owner(org.id);
    const k = await makeKey(org.id, { scopes: ["read"] });
    expect(await reportLeakedKey(k.secret, { reporter: "report" })).toBe("true_positive");
    expect((await call(me.GET, "/x", { key: k.secret })).status).toBe(200);
    const secret = await db.apiKeySecret.findFirstOrThrow({ where: { keyId: k.key.id } });
    expect(secret.leakedAt).not.toBeNull();
    expect(secret.revokedAt).toBeNull();
    expect(await reportLeakedKey(generateKey(), { reporter: "report" })).toBe("false_positive");
    await expect.poll(() => smtp.messages.some((m) => m.to.includes(to) && decodeBody(m.raw).includes("the secret still works"))).toBe(true);
  });
});
