// The request path: every row of CONTRACT.md §3 that applies, the three transports, guests,
// expiry, plan gating, query keys turned off, and random input as keys.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import * as articles from "@/app/api/v1/articles/route";
import * as article from "@/app/api/v1/articles/[id]/route";
import * as me from "@/app/api/v1/me/route";
import { db } from "@/lib/db";
import { systemActor } from "@/lib/audit/actor";
import { deleteKey, restoreKey } from "@/lib/keys/delete-key";
import { generateKey } from "@/lib/keys/key-format";
import { rotateKey } from "@/lib/keys/rotate-key";
import { call } from "@/test/http";
import { makeArticle, makeKey, makeOrg } from "@/test/factories";

const problem = (code: string, title: string, status: number, extra: Record<string, unknown> = {}) => ({
  type: `/docs/errors#${code}`, title, status, code, detail: expect.any(String), ...extra,
});

let org: Awaited<ReturnType<typeof makeOrg>>;
let readKey: string;
let writeKey: string;

beforeAll(async () => {
  org = await makeOrg();
  readKey = (await makeKey(org.id, { scopes: ["read"] })).secret;
  writeKey = (await makeKey(org.id, { scopes: ["write"] })).secret;
});

describe("errors (CONTRACT §3)", () => {
  it("401 missing_api_key with WWW-Authenticate and no error attribute", async () => {
    const r = await call(me.GET, "/api/v1/me");
    expect(r.status).toBe(401);
    expect(r.headers.get("content-type")).toBe("application/problem+json");
    expect(r.headers.get("www-authenticate")).toBe('Bearer realm="keydesk"');
    expect(r.body).toEqual(problem("missing_api_key", "API key required", 401));
  });

  const invalid = [
    ["an unknown well-formed key", () => generateKey()],
    ["a malformed key", () => "not-a-key"],
    ["a key with a bad checksum", () => { const k = generateKey(); return k.slice(0, -1) + (k.endsWith("a") ? "b" : "a"); }],
  ] as const;
  for (const [what, make] of invalid) {
    it(`401 invalid_api_key for ${what}`, async () => {
      const r = await call(me.GET, "/api/v1/me", { key: make() });
      expect(r.status).toBe(401);
      expect(r.headers.get("www-authenticate")).toBe('Bearer realm="keydesk", error="invalid_token"');
      expect(r.body).toEqual(problem("invalid_api_key", "Invalid API Key", 401));
    });
  }

  it("401 invalid_api_key for a deleted key, and it works again after restore", async () => {
    const k = await makeKey(org.id, { scopes: ["read"] });
    expect((await call(me.GET, "/api/v1/me", { key: k.secret })).status).toBe(200);
    await deleteKey(org.id, k.key.id, systemActor());
    const r = await call(me.GET, "/api/v1/me", { key: k.secret });
    expect(r.body).toEqual(problem("invalid_api_key", "Invalid API Key", 401));
    await restoreKey(org.id, k.key.id, systemActor());
    expect((await call(me.GET, "/api/v1/me", { key: k.secret })).status).toBe(200);
  });

  it("401 expired_api_key past the key's expiry", async () => {
    const k = await makeKey(org.id, { scopes: ["read"], expiresAt: new Date(Date.now() + 60_000) });
    await db.apiKey.update({ where: { id: k.key.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const { invalidateKey } = await import("@/lib/changes/announce-changes");
    invalidateKey(k.key.id);
    const r = await call(me.GET, "/api/v1/me", { key: k.secret });
    expect(r.status).toBe(401);
    expect(r.headers.get("www-authenticate")).toContain('error="invalid_token"');
    expect(r.body).toEqual(problem("expired_api_key", "API key expired", 401));
  });

  it("401 expired_api_key for a secret past its rotation grace; the new secret works", async () => {
    const k = await makeKey(org.id, { scopes: ["read"] });
    const rotated = await rotateKey(org.id, k.key.id, new Date(Date.now() - 1), systemActor());
    expect((await call(me.GET, "/api/v1/me", { key: k.secret })).body.code).toBe("expired_api_key");
    expect((await call(me.GET, "/api/v1/me", { key: rotated.secret })).status).toBe(200);
  });

  it("403 insufficient_permissions names the permission", async () => {
    const r = await call(articles.POST, "/api/v1/articles", { method: "POST", key: readKey, body: { title: "x" } });
    expect(r.status).toBe(403);
    expect(r.body).toEqual(problem("insufficient_permissions", "Insufficient Permissions", 403, { required: "articles:write" }));
  });

  it("403 plan_required on the free plan for any keyed request, and for writes on starter", async () => {
    const free = await makeOrg({ plan: "professional" });
    const k = await makeKey(free.id, { scopes: ["write"] });
    await db.organization.update({ where: { id: free.id }, data: { plan: "free" } });
    const { invalidateOrg } = await import("@/lib/changes/announce-changes");
    invalidateOrg(free.id);
    const r = await call(me.GET, "/api/v1/me", { key: k.secret });
    expect(r.status).toBe(403);
    expect(r.body).toEqual(problem("plan_required", "Plan upgrade required", 403, { required_plan: "starter" }));
    await db.organization.update({ where: { id: free.id }, data: { plan: "starter" } });
    invalidateOrg(free.id);
    expect((await call(articles.GET, "/api/v1/articles", { key: k.secret })).status).toBe(200);
    const w = await call(articles.POST, "/api/v1/articles", { method: "POST", key: k.secret, body: { title: "x" } });
    expect(w.body).toEqual(problem("plan_required", "Plan upgrade required", 403, { required_plan: "professional" }));
  });

  it("404 not_found for another organization's article", async () => {
    const other = await makeOrg();
    const a = await makeArticle(other.id);
    const r = await call(article.GET, `/api/v1/articles/${a.id}`, { key: readKey, params: { id: a.id } });
    expect(r.status).toBe(404);
    expect(r.body).toEqual(problem("not_found", "Not found", 404));
  });

  it("400 invalid_request for malformed JSON, wrong types and unknown fields, with errors[]", async () => {
    const bad = await call(articles.POST, "/api/v1/articles", { method: "POST", key: writeKey, body: "{not json" });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual(problem("invalid_request", "Invalid request", 400, { errors: [{ path: "(root)", message: expect.any(String) }] }));
    const types = await call(articles.POST, "/api/v1/articles", { method: "POST", key: writeKey, body: { title: 42, published: "yes" } });
    expect(types.status).toBe(400);
    expect(types.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["published", "title"]);
    const unknown = await call(articles.POST, "/api/v1/articles", { method: "POST", key: writeKey, body: { title: "x", colour: "red" } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].message).toMatch(/colour/);
    const page = await call(articles.GET, "/api/v1/articles?per_page=101", { key: readKey });
    expect(page.status).toBe(400);
    expect(page.body.errors[0].path).toBe("per_page");
  });

  it("413 payload_too_large for bodies over 1 MiB, declared or streamed", async () => {
    const big = JSON.stringify({ title: "x", body: "a".repeat(1024 * 1024) });
    const r = await call(articles.POST, "/api/v1/articles", { method: "POST", key: writeKey, body: big });
    expect(r.status).toBe(413);
    expect(r.body).toEqual(problem("payload_too_large", "Payload too large", 413));
    expect(await db.article.count({ where: { organizationId: org.id, title: "x", body: { startsWith: "aaaa" } } })).toBe(0);
  });

  it("429 rate_limited with Retry-After once the key's limit is spent", async () => {
    const k = await makeKey(org.id, { scopes: ["read"], rateLimitPerHour: 2 });
    const a = await call(me.GET, "/api/v1/me", { key: k.secret });
    expect(a.headers.get("ratelimit-limit")).toBe("2");
    expect(a.headers.get("ratelimit-remaining")).toBe("1");
    expect(a.headers.get("ratelimit-policy")).toBe("2;w=3600");
    expect(Number(a.headers.get("ratelimit-reset"))).toBeGreaterThan(3500);
    await call(me.GET, "/api/v1/me", { key: k.secret });
    const r = await call(me.GET, "/api/v1/me", { key: k.secret });
    expect(r.status).toBe(429);
    expect(r.body).toEqual(problem("rate_limited", "Rate limit exceeded", 429));
    expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(r.headers.get("ratelimit-remaining")).toBe("0");
  });

  it("every response carries a request id", async () => {
    const r = await call(me.GET, "/api/v1/me", { key: readKey });
    expect(r.headers.get("x-request-id")).toMatch(/^req_/);
    const given = await call(me.GET, "/api/v1/me", { key: readKey, headers: { "x-request-id": "trace-12345678" } });
    expect(given.headers.get("x-request-id")).toBe("trace-12345678");
  });
});

describe("transports", () => {
  it("accepts Bearer, X-API-Key and ?api_key=, in that order of precedence", async () => {
    expect((await call(me.GET, "/api/v1/me", { headers: { authorization: `Bearer ${readKey}` } })).body.transport).toBe("bearer");
    expect((await call(me.GET, "/api/v1/me", { headers: { "x-api-key": readKey } })).body.transport).toBe("header");
    const q = await call(me.GET, `/api/v1/me?api_key=${readKey}`);
    expect(q.body.transport).toBe("query");
    expect(q.headers.get("cache-control")).toBe("no-store");
    // the first one present is used: a bad Bearer is not rescued by a good X-API-Key
    const both = await call(me.GET, "/api/v1/me", { headers: { authorization: "Bearer nope", "x-api-key": readKey } });
    expect(both.status).toBe(401);
  });

  it("refuses query keys when the organization turned them off", async () => {
    const o = await makeOrg({ allowQueryKeys: false });
    const k = await makeKey(o.id, { scopes: ["read"] });
    const r = await call(me.GET, `/api/v1/me?api_key=${k.secret}`);
    expect(r.status).toBe(401);
    expect(r.body.detail).toMatch(/query string/);
    expect(r.headers.get("cache-control")).toBe("no-store");
    expect((await call(me.GET, "/api/v1/me", { key: k.secret })).status).toBe(200);
  });

  it("every answer to a request with ?api_key= is no-store: withActor 401s, the API 404 and openapi.json (issue 11)", async () => {
    const { GET: pending } = await import("@/app/api/v2/approvals/GetApprovalNotComplete/route");
    const { GET: catchAll } = await import("@/app/api/[...path]/route");
    const { GET: openapi } = await import("@/app/api/openapi.json/route");
    const bad = await call(pending, "/api/v2/approvals/GetApprovalNotComplete?api_key=kd_not_a_key");
    expect(bad.status).toBe(401);
    expect(bad.headers.get("cache-control")).toBe("no-store");
    const good = await call(pending, `/api/v2/approvals/GetApprovalNotComplete?api_key=${readKey}`);
    expect(good.status).toBe(200);
    expect(good.headers.get("cache-control")).toBe("no-store");
    const missing = await call(catchAll, `/api/v1/nothing-here?api_key=${readKey}`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("cache-control")).toBe("no-store");
    expect((await call(catchAll, "/api/v1/nothing-here")).headers.get("cache-control")).toBeNull();
    expect((await call(openapi, `/api/openapi.json?api_key=${readKey}`)).headers.get("cache-control")).toBe("no-store");
    expect((await call(openapi, "/api/openapi.json")).headers.get("cache-control")).toBe("public, max-age=300");
  });

  it("/me describes the key, its organization and its rate limit", async () => {
    const k = await makeKey(org.id, { name: "Deploy bot", scopes: ["write"] });
    const r = await call(me.GET, "/api/v1/me", { key: k.secret });
    expect(r.status).toBe(200);
    expect(r.body.key).toMatchObject({ id: k.key.id, name: "Deploy bot", prefix: k.secret.slice(0, 7), preset: "write" });
    expect(r.body.organization).toEqual({ id: org.id, slug: org.slug, name: org.name, plan: "professional" });
    expect(r.body.rate_limit).toMatchObject({ limit: 1000, remaining: 999 });
    expect(r.text).not.toContain(k.secret);
  });
});

describe("guests (CONTRACT §4)", () => {
  it("read external, published articles of the organization they name; nothing else", async () => {
    const o = await makeOrg();
    const pub = await makeArticle(o.id, { visibility: "external", published: true });
    const internal = await makeArticle(o.id, { visibility: "internal", published: true });
    const draft = await makeArticle(o.id, { visibility: "external", published: false });
    const headers = { "x-keydesk-org": o.slug };
    const list = await call(articles.GET, "/api/v1/articles", { headers });
    expect(list.status).toBe(200);
    expect(list.body.data.map((a: { id: string }) => a.id)).toEqual([pub.id]);
    expect((await call(article.GET, `/api/v1/articles/${internal.id}`, { headers, params: { id: internal.id } })).status).toBe(404);
    expect((await call(article.GET, `/api/v1/articles/${draft.id}`, { headers, params: { id: draft.id } })).status).toBe(404);
    expect((await call(article.GET, `/api/v1/articles/${pub.id}`, { headers, params: { id: pub.id } })).status).toBe(200);
    // a subdomain names the organization too
    expect((await call(articles.GET, "/api/v1/articles", { headers: { host: `${o.slug}.keydesk.example` } })).body.total).toBe(1);
    // guests never write, and never reach keyed-only endpoints
    expect((await call(articles.POST, "/api/v1/articles", { method: "POST", headers, body: { title: "x" } })).body.code).toBe("missing_api_key");
    expect((await call(me.GET, "/api/v1/me", { headers })).body.code).toBe("missing_api_key");
  });

  it("a key with articles:read sees internal articles too", async () => {
    const o = await makeOrg();
    await makeArticle(o.id, { visibility: "external" });
    await makeArticle(o.id, { visibility: "internal" });
    const k = await makeKey(o.id, { scopes: ["read"] });
    expect((await call(articles.GET, "/api/v1/articles", { key: k.secret })).body.total).toBe(2);
  });

  it("get 401 when the organization requires an API token", async () => {
    const o = await makeOrg({ requireApiToken: true });
    await makeArticle(o.id);
    const r = await call(articles.GET, "/api/v1/articles", { headers: { "x-keydesk-org": o.slug } });
    expect(r.status).toBe(401);
    expect(r.body.code).toBe("missing_api_key");
  });

  it("an invalid key never falls back to guest access", async () => {
    const o = await makeOrg();
    await makeArticle(o.id);
    const r = await call(articles.GET, "/api/v1/articles", { headers: { "x-keydesk-org": o.slug, "x-api-key": generateKey() } });
    expect(r.status).toBe(401);
    expect(r.body.code).toBe("invalid_api_key");
  });
});

describe("random input as keys", () => {
  const headerSafe = fc.string({ maxLength: 80 }).map((s) => s.replace(/[^\x21-\x7e]/g, "x"));
  it("any string in any transport is a 401, never a 500", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("bearer", "header", "query"), headerSafe, fc.string({ maxLength: 80 }), async (transport, safe, any) => {
        const r =
          transport === "bearer" ? await call(me.GET, "/api/v1/me", { headers: { authorization: `Bearer ${safe}` } })
          : transport === "header" ? await call(me.GET, "/api/v1/me", { headers: { "x-api-key": safe } })
          : await call(me.GET, `/api/v1/me?api_key=${encodeURIComponent(any)}`);
        expect(r.status).toBe(401);
        expect(r.body.code).toBe("invalid_api_key");
      }),
      { numRuns: 150 },
    );
  });
});

describe("guest organization by slug", () => {
  it("is read from the cache after the first request, and an unknown slug is cached as unknown", async () => {
    const { keyCache } = await import("@/lib/keys/key-cache");
    const o = await makeOrg();
    await makeArticle(o.id);
    const headers = { "x-keydesk-org": o.slug };
    expect((await call(articles.GET, "/api/v1/articles", { headers })).body.total).toBe(1);
    expect(keyCache.orgIdForSlug(o.slug)).toBe(o.id);
    const unknown = `nope-${o.slug}`;
    expect((await call(articles.GET, "/api/v1/articles", { headers: { "x-keydesk-org": unknown } })).status).toBe(401);
    expect(keyCache.orgIdForSlug(unknown)).toBe("");
    // settings changed through the service reach guests at once (the org entry is invalidated)
    const { updateOrgSettings } = await import("@/lib/orgs/update-org-settings");
    await updateOrgSettings(o.id, { requireApiToken: true }, { type: "system", id: null, label: "test" });
    expect((await call(articles.GET, "/api/v1/articles", { headers })).body.code).toBe("missing_api_key");
  });

  it("in process: exactly `limit` of 50 concurrent requests pass through the route", async () => {
    const k = await makeKey(org.id, { scopes: ["read"], rateLimitPerHour: 7 });
    const results = await Promise.all(Array.from({ length: 50 }, () => call(me.GET, "/api/v1/me", { key: k.secret })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(7);
    expect(results.filter((r) => r.status === 429)).toHaveLength(43);
  });
});
