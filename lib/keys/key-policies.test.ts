// Key policies (issue 15) on both databases: lifetime at creation, change and rotation, by API; the
// bulk fix; idle pausing and its warning (time moved, not slept); expiry reminders once per threshold
// with two processes at it; retire-when-idle rotation.
import { describe, expect, it } from "vitest";
import * as me from "@/app/api/v1/me/route";
import * as keys from "@/app/api/v1/keys/route";
import * as keyRoute from "@/app/api/v1/keys/[id]/route";
import * as rotate from "@/app/api/v1/keys/[id]/rotate/route";
import * as settings from "@/app/api/v1/settings/route";
import { db } from "@/lib/db";
import { systemActor } from "@/lib/audit/actor";
import { applyLifetimePolicy, keysExceedingPolicy } from "@/lib/keys/apply-lifetime-policy";
import { pauseIdleKeys, remindExpiringKeys, retireIdleSecrets } from "@/lib/keys/run-key-policies";
import { createUser } from "@/lib/users/create-user";
import { call } from "@/test/http";
import { makeKey, makeOrg, rand } from "@/test/factories";
import { decodeBody, useSmtpCapture } from "@/test/smtp";

const smtp = useSmtpCapture();
const DAY = 864e5;
const HOUR = 36e5;

async function orgWithAdmin(policy: { maxKeyLifetimeDays?: number; idleKeyDays?: number } = {}) {
  const org = await makeOrg();
  const admin = (await makeKey(org.id, { scopes: ["admin"] })).secret;
  if (policy.maxKeyLifetimeDays || policy.idleKeyDays) {
    const r = await call(settings.PATCH, "/x", { method: "PATCH", key: admin, body: { max_key_lifetime_days: policy.maxKeyLifetimeDays ?? null, idle_key_days: policy.idleKeyDays ?? null } });
    expect(r.status).toBe(200);
  }
  return { org, admin };
}

/** A person who made a key: the one reminders go to. */
async function creator(organizationId: string) {
  const email = `creator-${rand()}@example.com`;
  const u = await createUser({ email, password: "a-long-enough-password", role: "admin", organizationId }, systemActor("test"));
  return { email, actor: { type: "user" as const, id: u.user.id, label: email } };
}

describe("settings API", () => {
  it("reads and changes settings with settings:read / settings:write; show_once needs confirmation", async () => {
    const { org, admin } = await orgWithAdmin();
    const reader = (await makeKey(org.id, { scopes: ["read"] })).secret;
    expect((await call(settings.GET, "/x", { key: reader })).body).toMatchObject({ code: "insufficient_permissions", required: "settings:read" });
    const got = await call(settings.GET, "/x", { key: admin });
    expect(got.body).toMatchObject({ require_api_token: false, leaked_key_action: "revoke", max_key_lifetime_days: null, idle_key_days: null, plan: "professional" });
    const bad = await call(settings.PATCH, "/x", { method: "PATCH", key: admin, body: { idle_key_days: 3, unknown: true } });
    expect(bad.status).toBe(400);
    const once = await call(settings.PATCH, "/x", { method: "PATCH", key: admin, body: { reveal_policy: "show_once" } });
    expect(once.status).toBe(409);
    const ok = await call(settings.PATCH, "/x", { method: "PATCH", key: admin, body: { leaked_key_action: "notify", max_key_lifetime_days: 90, require_api_token: true } });
    expect(ok.body).toMatchObject({ leaked_key_action: "notify", max_key_lifetime_days: 90, require_api_token: true });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { organizationId: org.id, action: "org.settings_updated" }, orderBy: { createdAt: "desc" } });
    expect(audit.metadata).toMatchObject({ before: { maxKeyLifetimeDays: null }, after: { maxKeyLifetimeDays: 90 } });
  });
});

describe("max_key_lifetime_days", () => {
  it("new keys must expire within it (400 naming the limit); without expires_at they get the longest allowed", async () => {
    const { admin } = await orgWithAdmin({ maxKeyLifetimeDays: 30 });
    for (const expires_at of [null, new Date(Date.now() + 60 * DAY).toISOString()]) {
      const r = await call(keys.POST, "/x", { method: "POST", key: admin, body: { scopes: ["read"], expires_at } });
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ code: "invalid_request", max_key_lifetime_days: 30 });
      expect(r.body.errors[0]).toMatchObject({ path: "expires_at" });
      expect(r.body.detail).toContain("at most 30 days");
    }
    const within = await call(keys.POST, "/x", { method: "POST", key: admin, body: { scopes: ["read"], expires_at: new Date(Date.now() + 10 * DAY).toISOString() } });
    expect(within.status).toBe(201);
    const defaulted = await call(keys.POST, "/x", { method: "POST", key: admin, body: { scopes: ["read"] } });
    expect(defaulted.status).toBe(201);
    const exp = new Date(defaulted.body.expires_at).getTime();
    expect(Math.abs(exp - (Date.now() + 30 * DAY))).toBeLessThan(60_000);
    // changing a key to never expire is refused too
    const never = await call(keyRoute.PATCH, "/x", { method: "PATCH", key: admin, params: { id: within.body.id }, body: { expires_at: null } });
    expect(never.status).toBe(400);
  });

  it("a rotation's new secret carries an expiry within it", async () => {
    const { admin, org } = await orgWithAdmin({ maxKeyLifetimeDays: 7 });
    const k = await makeKey(org.id, { scopes: ["read"], expiresAt: new Date(Date.now() + 5 * DAY) });
    const r = await call(rotate.POST, "/x", { method: "POST", key: admin, params: { id: k.key.id }, body: {} });
    expect(r.status).toBe(200);
    const newest = r.body.secrets.at(-1);
    expect(new Date(newest.expires_at).getTime()).toBeLessThanOrEqual(Date.now() + 7 * DAY + 60_000);
  });

  it("keys beyond the policy are listed, and the bulk fix brings each within it, audited per key", async () => {
    const org = await makeOrg();
    const old = await makeKey(org.id, { scopes: ["read"] }); // never expires
    const later = await makeKey(org.id, { scopes: ["read"], expiresAt: new Date(Date.now() + 400 * DAY) });
    const fine = await makeKey(org.id, { scopes: ["read"], expiresAt: new Date(Date.now() + 5 * DAY) });
    await db.organization.update({ where: { id: org.id }, data: { maxKeyLifetimeDays: 30 } });
    const beyond = (await keysExceedingPolicy(org.id)).map((k) => k.id).sort();
    expect(beyond).toEqual([old.key.id, later.key.id].sort());
    expect(await applyLifetimePolicy(org.id, systemActor("test"))).toEqual({ updated: 2 });
    expect(await keysExceedingPolicy(org.id)).toEqual([]);
    expect(await db.auditEvent.count({ where: { organizationId: org.id, action: "key.updated", targetId: { in: [old.key.id, later.key.id] } } })).toBe(2);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: fine.key.id } })).expiresAt!.getTime()).toBeLessThan(Date.now() + 6 * DAY);
  });
});

describe("idle_key_days", () => {
  it("warns the creator 7 days before, once, then pauses the key (audited); traffic resets the clock", async () => {
    const { org } = await orgWithAdmin({ idleKeyDays: 30 });
    const person = await creator(org.id);
    const { createKey } = await import("@/lib/keys/create-key");
    const k = await createKey(org.id, { scopes: ["read"] }, person.actor);
    const busy = await createKey(org.id, { scopes: ["read"] }, person.actor);
    const t0 = Date.now();
    const notices = (id: string) => db.keyNotice.count({ where: { keyId: id, kind: "idle_warning" } });
    // the pass covers every organization of the shared test database: count this organization's keys only
    const paused = async (id: string) => (await db.apiKey.findUniqueOrThrow({ where: { id } })).disabled;
    await pauseIdleKeys(new Date(t0 + 10 * DAY));
    expect(await notices(k.key.id)).toBe(0);
    // the busy key is used on day 20
    await db.apiKey.update({ where: { id: busy.key.id }, data: { lastUsedAt: new Date(t0 + 20 * DAY) } });
    await pauseIdleKeys(new Date(t0 + 24 * DAY));
    expect(await notices(k.key.id)).toBe(1);
    expect(await paused(k.key.id)).toBe(false);
    await pauseIdleKeys(new Date(t0 + 25 * DAY)); // warned once
    expect(await notices(k.key.id)).toBe(1);
    expect(await notices(busy.key.id)).toBe(0);
    const mail = smtp.messages.filter((m) => m.to.includes(person.email) && decodeBody(m.raw).includes("will be paused"));
    expect(mail).toHaveLength(1);
    expect((await pauseIdleKeys(new Date(t0 + 31 * DAY))).paused).toBeGreaterThanOrEqual(1);
    expect((await call(me.GET, "/x", { key: k.secret })).body.code).toBe("disabled_api_key");
    expect((await call(me.GET, "/x", { key: busy.secret })).status).toBe(200);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: k.key.id, action: "key.paused" } });
    expect(audit).toMatchObject({ actorType: "system", actorLabel: "idle key policy" });
    expect(audit.metadata).toMatchObject({ reason: "unused for 30 days" });
  });
});

describe("expiry reminders", () => {
  it("14 days and 1 day before, one mail each, even with two processes checking at once", async () => {
    const org = await makeOrg();
    const person = await creator(org.id);
    const { createKey } = await import("@/lib/keys/create-key");
    const expires = new Date(Date.now() + 20 * DAY);
    const k = await createKey(org.id, { scopes: ["read"], expiresAt: expires }, person.actor);
    const at = (d: number) => new Date(expires.getTime() - d * DAY);
    const mine = () => smtp.messages.filter((m) => m.to.includes(person.email) && decodeBody(m.raw).includes(k.key.name));
    await Promise.all([remindExpiringKeys(at(15)), remindExpiringKeys(at(15))]);
    expect(mine()).toHaveLength(0);
    await Promise.all([remindExpiringKeys(at(13)), remindExpiringKeys(at(13))]);
    await remindExpiringKeys(at(5));
    expect(mine()).toHaveLength(1);
    expect(decodeBody(mine()[0]!.raw)).toContain("last used never");
    await Promise.all([remindExpiringKeys(at(0.5)), remindExpiringKeys(at(0.4))]);
    expect(mine()).toHaveLength(2);
    expect((await db.keyNotice.findMany({ where: { keyId: k.key.id } })).map((n) => n.kind).sort()).toEqual(["expiry_14d", "expiry_1d"]);
  });
});

describe("retire the old secret when it goes quiet", () => {
  it("traffic keeps it alive, silence retires it (audited as the system), the 30-day cap wins", async () => {
    const { admin, org } = await orgWithAdmin();
    const k = await makeKey(org.id, { scopes: ["read"] });
    const r = await call(rotate.POST, "/x", { method: "POST", key: admin, params: { id: k.key.id }, body: { old_secret_retire: "when_idle", idle_hours: 24 } });
    expect(r.status).toBe(200);
    const old = r.body.secrets.find((s: { retire_when_idle_hours: number | null }) => s.retire_when_idle_hours === 24);
    expect(old).toBeTruthy();
    expect(new Date(old.expires_at).getTime()).toBeGreaterThan(Date.now() + 29 * DAY);
    const t0 = Date.now();
    // used 10 hours after the rotation: still alive 30 hours after it
    // (other files' secrets may retire in the same passes: this one's state is what is checked)
    const retiredAt = async () => (await db.apiKeySecret.findUniqueOrThrow({ where: { id: old.id } })).revokedAt;
    await db.apiKeySecret.update({ where: { id: old.id }, data: { lastUsedAt: new Date(t0 + 10 * HOUR) } });
    await retireIdleSecrets(new Date(t0 + 30 * HOUR));
    expect(await retiredAt()).toBeNull();
    expect((await call(me.GET, "/x", { key: k.secret })).status).toBe(200);
    // quiet for 24 hours after its last use: retired
    expect(await retireIdleSecrets(new Date(t0 + 35 * HOUR))).toBeGreaterThanOrEqual(1);
    expect(await retiredAt()).not.toBeNull();
    expect((await call(me.GET, "/x", { key: k.secret })).body.code).toBe("expired_api_key");
    expect((await call(me.GET, "/x", { key: r.body.key })).status).toBe(200);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: k.key.id, action: "key.secret_retired" } });
    expect(audit).toMatchObject({ actorType: "system" });
    expect(audit.metadata).toMatchObject({ secret_id: old.id, reason: "no request for 24 h" });

    // the cap: a secret in constant use still stops at its 30-day expiry
    const k2 = await makeKey(org.id, { scopes: ["read"] });
    await call(rotate.POST, "/x", { method: "POST", key: admin, params: { id: k2.key.id }, body: { old_secret_retire: "when_idle", idle_hours: 1 } });
    const s2 = await db.apiKeySecret.findFirstOrThrow({ where: { keyId: k2.key.id, retireWhenIdleHours: 1 } });
    await db.apiKeySecret.update({ where: { id: s2.id }, data: { expiresAt: new Date(Date.now() - 1000), lastUsedAt: new Date() } });
    const { invalidateKey } = await import("@/lib/changes/announce-changes");
    invalidateKey(k2.key.id);
    expect((await call(me.GET, "/x", { key: k2.secret })).body.code).toBe("expired_api_key");
  });

  it("refuses idle_hours out of 1–168 and mixed choices", async () => {
    const { admin, org } = await orgWithAdmin();
    const k = await makeKey(org.id, { scopes: ["read"] });
    for (const body of [{ old_secret_retire: "when_idle", idle_hours: 0 }, { old_secret_retire: "when_idle", idle_hours: 169 }, { idle_hours: 5 }, { old_secret_retire: "when_idle", old_secret_expires_at: null }]) {
      const r = await call(rotate.POST, "/x", { method: "POST", key: admin, params: { id: k.key.id }, body });
      expect(r.status, JSON.stringify(body)).toBe(400);
    }
  });
});
