// The keys API: automation manages keys without ever escalating its own privileges.
import { describe, expect, it } from "vitest";
import * as keys from "@/app/api/v1/keys/route";
import * as key from "@/app/api/v1/keys/[id]/route";
import * as rotate from "@/app/api/v1/keys/[id]/rotate/route";
import * as restore from "@/app/api/v1/keys/[id]/restore/route";
import * as me from "@/app/api/v1/me/route";
import * as usage from "@/app/api/v1/usage/route";
import * as partnerKeys from "@/app/api/v1/partners/[id]/keys/route";
import { systemActor } from "@/lib/audit/actor";
import { createPartner } from "@/lib/partners/create-partner";
import { db } from "@/lib/db";
import { call } from "@/test/http";
import { makeKey, makeOrg } from "@/test/factories";

const works = async (secret: string) => (await call(me.GET, "/api/v1/me", { key: secret })).status;

describe("keys API", () => {
  it("create (201, secret once), list and get without secrets, rotate, delete (204), restore", async () => {
    const org = await makeOrg();
    const admin = (await makeKey(org.id, { scopes: ["admin"] })).secret;
    const created = await call(keys.POST, "/api/v1/keys", { method: "POST", key: admin, body: { name: "deploy", scopes: ["read"], rate_limit_per_hour: 50 } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "deploy", preset: "read", rate_limit_per_hour: 50, permissions: ["articles:read", "categories:read", "approvals:read"] });
    expect(created.body.key).toMatch(/^kd_/);
    const id = created.body.id;
    const list = await call(keys.GET, "/api/v1/keys", { key: admin });
    expect(list.body.total).toBe(2);
    expect(list.text).not.toContain(created.body.key);
    expect(list.text).not.toMatch(/ciphertext|hash/);
    const one = await call(key.GET, "/x", { key: admin, params: { id } });
    expect(one.body).toEqual({ ...created.body, key: undefined, secrets: one.body.secrets, last_used_at: null });
    // rotate: both secrets live
    const rotated = await call(rotate.POST, "/x", { method: "POST", key: admin, params: { id }, body: { old_secret_expires_at: new Date(Date.now() + 3600_000).toISOString() } });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secrets).toHaveLength(2);
    expect(await works(created.body.key)).toBe(200);
    expect(await works(rotated.body.key)).toBe(200);
    const third = await call(rotate.POST, "/x", { method: "POST", key: admin, params: { id } });
    expect(third.status).toBe(409);
    // delete kills both, restore brings both back
    expect((await call(key.DELETE, "/x", { method: "DELETE", key: admin, params: { id } })).status).toBe(204);
    expect(await works(created.body.key)).toBe(401);
    expect(await works(rotated.body.key)).toBe(401);
    expect((await call(keys.GET, "/api/v1/keys?status=deleted", { key: admin })).body.data[0].id).toBe(id);
    const restored = await call(restore.POST, "/x", { method: "POST", key: admin, params: { id } });
    expect(restored.body.deleted_at).toBeNull();
    expect(await works(created.body.key)).toBe(200);
    expect(await works(rotated.body.key)).toBe(200);
    const actions = (await db.auditEvent.findMany({ where: { targetId: id }, orderBy: { createdAt: "asc" } })).map((e) => [e.action, e.actorType]);
    expect(actions).toEqual([["key.created", "key"], ["key.rotated", "key"], ["key.deleted", "key"], ["key.restored", "key"]]);
  });

  it("PATCH renames and re-scopes; bad input is 400 and changes nothing", async () => {
    const org = await makeOrg();
    const admin = (await makeKey(org.id, { scopes: ["admin"] })).secret;
    const k = await makeKey(org.id, { name: "a", scopes: ["read"] });
    const r = await call(key.PATCH, "/x", { method: "PATCH", key: admin, params: { id: k.key.id }, body: { name: "b", permissions: ["articles:write"] } });
    expect(r.body).toMatchObject({ name: "b", permissions: ["articles:read", "articles:write"], preset: null });
    const bad = await call(key.PATCH, "/x", { method: "PATCH", key: admin, params: { id: k.key.id }, body: { permissions: ["articles:delete"], name: "" } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["name", "permissions.0"]);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: k.key.id } })).name).toBe("b");
  });

  it("a key with keys:write alone creates only subsets of its own permissions and manages only such keys", async () => {
    const org = await makeOrg();
    const manager = (await makeKey(org.id, { permissions: ["keys:write", "articles:read"] })).secret;
    const ok = await call(keys.POST, "/api/v1/keys", { method: "POST", key: manager, body: { permissions: ["articles:read"] } });
    expect(ok.status).toBe(201);
    const escalate = await call(keys.POST, "/api/v1/keys", { method: "POST", key: manager, body: { scopes: ["admin"] } });
    expect(escalate.status).toBe(403);
    expect(escalate.body).toMatchObject({ code: "insufficient_permissions", required: "articles:write" });
    const admin = await makeKey(org.id, { scopes: ["admin"] });
    for (const [handler, method] of [[rotate.POST, "POST"], [key.DELETE, "DELETE"], [key.PATCH, "PATCH"]] as const) {
      const r = await call(handler, "/x", { method, key: manager, params: { id: admin.key.id }, body: method === "PATCH" ? { name: "pwned" } : undefined });
      expect(r.status, method).toBe(403);
    }
    // nor may it widen a key it can manage
    const widen = await call(key.PATCH, "/x", { method: "PATCH", key: manager, params: { id: ok.body.id }, body: { scopes: ["write"] } });
    expect(widen.status).toBe(403);
    expect(await works(admin.secret)).toBe(200);
    expect(await db.apiKey.count({ where: { organizationId: org.id } })).toBe(3);
    // nor bring back a deleted key wider than itself
    const other = await makeKey(org.id, { scopes: ["write"] });
    await call(key.DELETE, "/x", { method: "DELETE", key: admin.secret, params: { id: other.key.id } });
    expect((await call(restore.POST, "/x", { method: "POST", key: manager, params: { id: other.key.id } })).status).toBe(403);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: other.key.id } })).deletedAt).not.toBeNull();
  });

  it("another organization's key is 404 for every verb", async () => {
    const org = await makeOrg();
    const admin = (await makeKey(org.id, { scopes: ["admin"] })).secret;
    const theirs = await makeKey((await makeOrg()).id, { scopes: ["read"] });
    const params = { id: theirs.key.id };
    expect((await call(key.GET, "/x", { key: admin, params })).status).toBe(404);
    expect((await call(key.PATCH, "/x", { method: "PATCH", key: admin, params, body: { name: "x" } })).status).toBe(404);
    expect((await call(key.DELETE, "/x", { method: "DELETE", key: admin, params })).status).toBe(404);
    expect((await call(rotate.POST, "/x", { method: "POST", key: admin, params })).status).toBe(404);
    expect((await call(restore.POST, "/x", { method: "POST", key: admin, params })).status).toBe(404);
    expect((await call(usage.GET, `/api/v1/usage?key_id=${theirs.key.id}`, { key: admin })).status).toBe(404);
    expect(await works(theirs.secret)).toBe(200);
  });

  it("usage: hourly buckets by outcome", async () => {
    const org = await makeOrg();
    const admin = (await makeKey(org.id, { scopes: ["admin"] })).secret;
    const k = await makeKey(org.id, { scopes: ["read"], rateLimitPerHour: 2 });
    for (let i = 0; i < 3; i++) await works(k.secret);
    const r = await call(usage.GET, `/api/v1/usage?key_id=${k.key.id}`, { key: admin });
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual([{ key_id: k.key.id, hour: expect.stringMatching(/:00:00\.000Z$/), success: 2, client_error: 0, rate_limited: 1, server_error: 0 }]);
    expect(r.body.totals).toEqual({ success: 2, client_error: 0, rate_limited: 1, server_error: 0 });
    const bad = await call(usage.GET, "/api/v1/usage?from=yesterday", { key: admin });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe("from");
  });

  it("dates that are not ISO date-times are 400 invalid_request, never 500 (issue 11)", async () => {
    const org = await makeOrg();
    const admin = (await makeKey(org.id, { scopes: ["admin"] })).secret;
    for (const expires_at of ["0000-01-01", "2024-13-45", "2024-02-30T00:00:00Z", [], 0]) {
      const r = await call(keys.POST, "/api/v1/keys", { method: "POST", key: admin, body: { scopes: ["read"], expires_at } });
      expect(r.status, JSON.stringify(expires_at)).toBe(400);
      expect(r.headers.get("content-type")).toBe("application/problem+json");
      expect(r.body).toMatchObject({ code: "invalid_request", errors: [{ path: "expires_at" }] });
    }
    for (const q of ["from=[]&to=[]", "from=0000-01-01&to=0000-01-02", "from=2024-13-45", "to=2024-02-30T00:00:00Z"]) {
      const r = await call(usage.GET, `/api/v1/usage?${q}`, { key: admin });
      expect(r.status, q).toBe(400);
      expect(r.body.code).toBe("invalid_request");
    }
    expect(await db.apiKey.count({ where: { organizationId: org.id } })).toBe(1);
  });

  it("a year PostgreSQL cannot store (0000) is 400 wherever a date goes in, never 500 (fuzz finding)", async () => {
    const org = await makeOrg();
    const admin = (await makeKey(org.id, { scopes: ["admin"] })).secret;
    const k = await makeKey(org.id, { scopes: ["read"] });
    const p = await createPartner(org.id, { name: "P", email: "p@example.com", level: "read" }, systemActor("test"));
    const year0 = "0000-01-01T00:00:00Z";
    const answers = [
      await call(key.PATCH, "/x", { method: "PATCH", key: admin, params: { id: k.key.id }, body: { expires_at: year0 } }),
      await call(rotate.POST, "/x", { method: "POST", key: admin, params: { id: k.key.id }, body: { old_secret_expires_at: year0 } }),
      await call(partnerKeys.POST, "/x", { method: "POST", key: admin, params: { id: p.partner.id }, body: { expires_at: year0 } }),
      await call(usage.GET, `/api/v1/usage?from=${year0}&to=0000-02-01T00:00:00Z`, { key: admin }),
    ];
    for (const r of answers) {
      expect(r.status, r.text).toBe(400);
      expect(r.body.code).toBe("invalid_request");
    }
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: k.key.id } })).expiresAt).toBeNull();
  });
});
