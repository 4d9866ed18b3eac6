// The key services that the dashboard, the CLI and the keys API share.
import { describe, expect, it } from "vitest";
import * as me from "@/app/api/v1/me/route";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/audit/actor";
import { createKey } from "@/lib/keys/create-key";
import { deleteKey, purgeDeletedKeys, restoreKey, RESTORE_WINDOW_MS } from "@/lib/keys/delete-key";
import { hashKey } from "@/lib/keys/key-format";
import { listKeys } from "@/lib/keys/list-keys";
import { revealKey } from "@/lib/keys/reveal-key";
import { rotateKey } from "@/lib/keys/rotate-key";
import { retireSecret } from "@/lib/keys/retire-secret";
import { updateKey } from "@/lib/keys/update-key";
import { updateOrgSettings } from "@/lib/orgs/update-org-settings";
import { call } from "@/test/http";
import { makeOrg } from "@/test/factories";

const alice: Actor = { type: "user", id: "user_alice", label: "alice@example.com", ip: "198.51.100.7", userAgent: "test-agent" };
const works = async (secret: string) => (await call(me.GET, "/api/v1/me", { key: secret })).status;

describe("key services", () => {
  it("create: default name is the date and time; stores the hash and a ciphertext, never the key", async () => {
    const org = await makeOrg();
    const { key, secret } = await createKey(org.id, { scopes: ["read"] }, alice);
    expect(key.name).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(key.preset).toBe("read");
    expect(key.start).toBe(secret.slice(0, 7));
    expect(key.end).toBe(secret.slice(-4));
    const row = await db.apiKeySecret.findFirstOrThrow({ where: { keyId: key.id }, omit: { hash: false, ciphertext: false } });
    expect(row.hash).toBe(hashKey(secret));
    expect(row.ciphertext).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain(secret);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: key.id, action: "key.created" } });
    expect(audit).toMatchObject({ actorType: "user", actorId: "user_alice", ip: "198.51.100.7", userAgent: "test-agent" });
    expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it("create under show_once keeps no ciphertext, and reveal is refused", async () => {
    const org = await makeOrg({ revealPolicy: "show_once" });
    const { key } = await createKey(org.id, { scopes: ["read"] }, alice);
    const row = await db.apiKeySecret.findFirstOrThrow({ where: { keyId: key.id }, omit: { ciphertext: false } });
    expect(row.ciphertext).toBeNull();
    await expect(revealKey(org.id, key.id, alice)).rejects.toMatchObject({ code: "conflict" });
  });

  it("plan gating at creation: free refuses, starter allows reads only", async () => {
    const free = await makeOrg({ plan: "free" });
    await expect(createKey(free.id, { scopes: ["read"] }, alice)).rejects.toMatchObject({ code: "plan_required" });
    const starter = await makeOrg({ plan: "starter" });
    await expect(createKey(starter.id, { scopes: ["write"] }, alice)).rejects.toMatchObject({ code: "plan_required" });
    await expect(createKey(starter.id, { permissions: ["articles:read", "usage:read"] }, alice)).resolves.toBeTruthy();
  });

  it("reveal returns the secret and writes who, when, where and why", async () => {
    const org = await makeOrg();
    const { key, secret } = await createKey(org.id, { scopes: ["read"] }, alice);
    const r = await revealKey(org.id, key.id, alice, { reason: "set up the CI" });
    expect(r.secret).toBe(secret);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: key.id, action: "key.revealed" } });
    expect(audit).toMatchObject({ actorId: "user_alice", actorLabel: "alice@example.com", ip: "198.51.100.7", userAgent: "test-agent" });
    expect(audit.metadata).toMatchObject({ reason: "set up the CI", secret_id: r.secretId });
  });

  it("rotate keeps both secrets live, refuses a third, and retire ends the old one", async () => {
    const org = await makeOrg();
    const { key, secret: oldSecret } = await createKey(org.id, { scopes: ["read"] }, alice);
    const rotated = await rotateKey(org.id, key.id, null, alice);
    expect(rotated.key.secrets).toHaveLength(2);
    expect(await works(oldSecret)).toBe(200);
    expect(await works(rotated.secret)).toBe(200);
    await expect(rotateKey(org.id, key.id, undefined, alice)).rejects.toMatchObject({ code: "conflict", status: 409 });
    const oldId = rotated.key.secrets[0]!.id;
    const after = await retireSecret(org.id, key.id, oldId, alice);
    expect(after.secrets.map((s) => s.id)).not.toContain(oldId);
    expect(await works(oldSecret)).toBe(401);
    expect(await works(rotated.secret)).toBe(200);
    await expect(retireSecret(org.id, key.id, after.secrets[0]!.id, alice)).rejects.toMatchObject({ code: "conflict" });
    const actions = (await db.auditEvent.findMany({ where: { targetId: key.id }, orderBy: { createdAt: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["key.created", "key.rotated", "key.secret_retired"]);
  });

  it("rotate with the default grace gives the old secret a day", async () => {
    const org = await makeOrg();
    const { key } = await createKey(org.id, { scopes: ["read"] }, alice);
    const rotated = await rotateKey(org.id, key.id, undefined, alice);
    const old = rotated.key.secrets[0]!;
    const ms = new Date(old.expires_at!).getTime() - Date.now();
    expect(ms).toBeGreaterThan(23.9 * 3600_000);
    expect(ms).toBeLessThanOrEqual(24 * 3600_000);
  });

  it("delete kills both secrets at once; restore brings back those not expired", async () => {
    const org = await makeOrg();
    const { key, secret: a } = await createKey(org.id, { scopes: ["read"] }, alice);
    const { secret: b } = await rotateKey(org.id, key.id, null, alice);
    expect(await works(a)).toBe(200);
    await deleteKey(org.id, key.id, alice);
    expect(await works(a)).toBe(401);
    expect(await works(b)).toBe(401);
    expect((await listKeys(org.id)).total).toBe(0);
    expect((await listKeys(org.id, { status: "deleted" })).data[0]!.id).toBe(key.id);
    await restoreKey(org.id, key.id, alice);
    expect(await works(a)).toBe(200);
    expect(await works(b)).toBe(200);
  });

  it("a key deleted more than 30 days ago cannot be restored and is purged", async () => {
    const org = await makeOrg();
    const { key } = await createKey(org.id, { scopes: ["read"] }, alice);
    await deleteKey(org.id, key.id, alice);
    await db.apiKey.update({ where: { id: key.id }, data: { deletedAt: new Date(Date.now() - RESTORE_WINDOW_MS - 1000) } });
    await expect(restoreKey(org.id, key.id, alice)).rejects.toMatchObject({ code: "not_found" });
    expect(await purgeDeletedKeys()).toBeGreaterThanOrEqual(1);
    expect(await db.apiKey.findUnique({ where: { id: key.id } })).toBeNull();
  });

  it("update records before and after, and takes effect at once", async () => {
    const org = await makeOrg();
    const { key, secret } = await createKey(org.id, { name: "old", scopes: ["read"] }, alice);
    expect((await call(me.GET, "/api/v1/me", { key: secret })).body.key.preset).toBe("read");
    const updated = await updateKey(org.id, key.id, { name: "new", scopes: ["write"], rateLimitPerHour: 5 }, alice);
    expect(updated).toMatchObject({ name: "new", preset: "write", rate_limit_per_hour: 5 });
    const r = await call(me.GET, "/api/v1/me", { key: secret });
    expect(r.body.key.preset).toBe("write");
    expect(r.body.rate_limit.limit).toBe(5);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: key.id, action: "key.updated" } });
    expect(audit.metadata).toMatchObject({ before: { name: "old" }, after: { name: "new", rate_limit_per_hour: 5 } });
  });

  it("list searches names ignoring case, on both databases", async () => {
    const org = await makeOrg();
    await createKey(org.id, { name: "Deploy Bot", scopes: ["read"] }, alice);
    await createKey(org.id, { name: "billing sync", scopes: ["read"] }, alice);
    expect((await listKeys(org.id, { query: "deploy" })).data.map((k) => k.name)).toEqual(["Deploy Bot"]);
    expect((await listKeys(org.id, { query: "BILLING" })).data.map((k) => k.name)).toEqual(["billing sync"]);
  });

  it("list filters by preset and by a held permission (write counts for read)", async () => {
    const org = await makeOrg();
    const other = await makeOrg();
    await createKey(other.id, { name: "theirs", scopes: ["admin"] }, alice);
    await createKey(org.id, { name: "reader", scopes: ["read"] }, alice);
    await createKey(org.id, { name: "writer", scopes: ["write"] }, alice);
    await createKey(org.id, { name: "usage only", permissions: ["usage:read"] }, alice);
    const names = async (p: Parameters<typeof listKeys>[1]) => (await listKeys(org.id, { ...p, sort: "name_asc" })).data.map((k) => k.name);
    expect(await names({ permission: "articles:write" })).toEqual(["writer"]);
    expect(await names({ permission: "articles:read" })).toEqual(["reader", "writer"]);
    expect(await names({ permission: "usage:read" })).toEqual(["usage only"]);
    expect(await names({ permission: "keys:write" })).toEqual([]);
    expect(await names({ preset: "custom" })).toEqual(["usage only"]);
    expect(await names({ preset: "read" })).toEqual(["reader"]);
  });

  it("another organization's key id is not found by any service", async () => {
    const org = await makeOrg();
    const other = await makeOrg();
    const { key } = await createKey(other.id, { scopes: ["read"] }, alice);
    const attempts = [
      () => revealKey(org.id, key.id, alice),
      () => deleteKey(org.id, key.id, alice),
      () => restoreKey(org.id, key.id, alice),
      () => rotateKey(org.id, key.id, null, alice),
      () => updateKey(org.id, key.id, { name: "x" }, alice),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("read-then-write races (issue 11)", () => {
  const live = (keyId: string) => db.apiKeySecret.count({ where: { keyId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] } });

  it("concurrent rotations never leave three live secrets: one wins, the others get 409", async () => {
    for (let round = 0; round < 3; round++) {
      const org = await makeOrg();
      const { key } = await createKey(org.id, { scopes: ["read"] }, alice);
      const results = await Promise.allSettled([1, 2, 3].map(() => rotateKey(org.id, key.id, null, alice)));
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "conflict", status: 409 });
      expect(await live(key.id)).toBe(2);
    }
  });

  it("concurrent retirements keep one live secret", async () => {
    const org = await makeOrg();
    const { key } = await createKey(org.id, { scopes: ["read"] }, alice);
    await rotateKey(org.id, key.id, null, alice);
    const ids = (await db.apiKeySecret.findMany({ where: { keyId: key.id } })).map((s) => s.id);
    const results = await Promise.allSettled(ids.map((id) => retireSecret(org.id, key.id, id, alice)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await live(key.id)).toBe(1);
  });

  it("keys created while the reveal policy turns to show_once keep no ciphertext", async () => {
    const org = await makeOrg();
    await Promise.all([
      ...[1, 2, 3, 4].map((i) => createKey(org.id, { name: `k${i}`, scopes: ["read"] }, alice)),
      updateOrgSettings(org.id, { revealPolicy: "show_once" }, alice),
      ...[5, 6].map((i) => createKey(org.id, { name: `k${i}`, scopes: ["read"] }, alice)),
    ]);
    expect(await db.apiKeySecret.count({ where: { key: { organizationId: org.id } } })).toBe(6);
    expect(await db.apiKeySecret.count({ where: { key: { organizationId: org.id }, ciphertext: { not: null } } })).toBe(0);
  });
});
