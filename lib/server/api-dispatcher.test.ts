// The API dispatcher on a real node:http server in this process, over the real route modules and
// database: what Next would do (security headers, HEAD, OPTIONS, the trailing-slash 308, the 404
// problem, params), what it does better (405 problem with Allow), bodies over the limit answered on
// a live connection, streams streamed, and a handler that throws answered as a 500 problem.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createApiDispatcher, loadApiRoutes, servesPath, type DispatchRoute } from "@/lib/server/api-dispatcher";
import { RouteTable, pathSegments } from "@/lib/server/api-routes";
import { makeArticle, makeKey, makeOrg } from "@/test/factories";

let server: http.Server;
let base: string;
let org: Awaited<ReturnType<typeof makeOrg>>;
let admin: string;

beforeAll(async () => {
  const dispatch = createApiDispatcher(await loadApiRoutes(process.cwd()));
  server = http.createServer((req, res) => {
    // as scripts/server.mjs does: the socket peer appended to X-Forwarded-For
    const prior = req.headers["x-forwarded-for"];
    req.headers["x-forwarded-for"] = prior ? `${String(prior)}, ${req.socket.remoteAddress}` : req.socket.remoteAddress;
    void dispatch(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  org = await makeOrg();
  admin = (await makeKey(org.id, { scopes: ["admin"] })).secret;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const auth = () => ({ authorization: `Bearer ${admin}` });

describe("route table", () => {
  const table = new RouteTable<string>()
    .add("/api/v1/keys", "keys")
    .add("/api/v1/keys/{id}", "key")
    .add("/api/v1/keys/{id}/rotate", "rotate")
    .add("/api/v1/keys/export", "export")
    .add("/api/{...path}", "catch-all");
  const m = (p: string) => table.match(pathSegments(p));

  it("prefers a static segment, then a dynamic one, then the catch-all, and decodes params", () => {
    expect(m("/api/v1/keys")).toEqual({ route: "keys", params: {} });
    expect(m("/api/v1/keys/export")).toEqual({ route: "export", params: {} });
    expect(m("/api/v1/keys/k%20y")).toEqual({ route: "key", params: { id: "k y" } });
    expect(m("/api/v1/keys/abc/rotate")).toEqual({ route: "rotate", params: { id: "abc" } });
    expect(m("/api/v1/keys/abc/nope")).toEqual({ route: "catch-all", params: { path: ["v1", "keys", "abc", "nope"] } });
    expect(m("/api/v1/keys/%E0%A4%A")).toEqual({ route: "key", params: { id: "%E0%A4%A" } }); // a malformed escape stays
    expect(m("/elsewhere")).toBeNull();
  });

  it("leaves pages and Auth.js to Next", () => {
    expect(servesPath("/api/v1/me")).toBe(true);
    expect(servesPath("/api/auth/session")).toBe(false);
    expect(servesPath("/settings/api")).toBe(false);
    expect(servesPath("/api")).toBe(false);
  });
});

describe("dispatcher", () => {
  it("a handler's answer that Node cannot send (a header with a line break) becomes a 500 problem, not a crash", async () => {
    const table = new RouteTable<DispatchRoute>();
    table.add("/api/broken", { template: "/api/broken", allow: "GET, HEAD, OPTIONS", handlers: { GET: () => new Response("x", { headers: { "x-bad": "ok" } }) } });
    const dispatch = createApiDispatcher(table);
    const broken = http.createServer((req, res) => {
      const setHeader = res.setHeader.bind(res);
      // Node refuses this value at setHeader, as it would a handler's header Web Headers let through
      res.setHeader = ((name: string, value: string | number | readonly string[]) => (name === "x-bad" ? setHeader(name, "a\nb") : setHeader(name, value))) as typeof res.setHeader;
      void dispatch(req, res);
    });
    await new Promise<void>((resolve) => broken.listen(0, "127.0.0.1", resolve));
    try {
      const res = await fetch(`http://127.0.0.1:${(broken.address() as AddressInfo).port}/api/broken`);
      expect(res.status).toBe(500);
      expect((await res.json()).code).toBe("internal_error");
    } finally {
      broken.closeAllConnections();
      await new Promise((resolve) => broken.close(resolve));
    }
  });

  it("answers a keyed article with the handler's headers and the security headers", async () => {
    const a = await makeArticle(org.id, { title: "Dispatched" });
    const res = await fetch(`${base}/api/v1/articles/${a.id}`, { headers: auth() });
    expect(res.status).toBe(200);
    expect((await res.json()).title).toBe("Dispatched");
    expect(res.headers.get("x-request-id")).toMatch(/.+/);
    expect(res.headers.get("ratelimit-limit")).toBe("1000");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("content-length")).toBe(String(Buffer.byteLength(JSON.stringify(await (await fetch(`${base}/api/v1/articles/${a.id}`, { headers: auth() })).json()))));
  });

  it("HEAD answers GET's status and headers without a body; OPTIONS lists the methods", async () => {
    const head = await fetch(`${base}/api/v1/me`, { method: "HEAD", headers: auth() });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    const options = await fetch(`${base}/api/v1/keys/some-id`, { method: "OPTIONS" });
    expect(options.status).toBe(204);
    expect(options.headers.get("allow")).toBe("GET, PATCH, DELETE, HEAD, OPTIONS");
  });

  it("a method a path does not answer is a 405 problem naming the ones it does", async () => {
    const res = await fetch(`${base}/api/v1/me`, { method: "PUT", headers: auth() });
    expect(res.status).toBe(405);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    expect(await res.json()).toMatchObject({ code: "method_not_allowed", status: 405, type: "/docs/errors#method_not_allowed" });
  });

  it("an unknown API path is the 404 problem; a trailing slash is a 308 to the path without it", async () => {
    const res = await fetch(`${base}/api/v1/nothing-here?x=1`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: "not_found", detail: "No API endpoint at GET /api/v1/nothing-here." });
    const slash = await fetch(`${base}/api/v1/me/?a=b`, { redirect: "manual" });
    expect(slash.status).toBe(308);
    expect(slash.headers.get("location")).toBe("/api/v1/me?a=b");
  });

  it("a body over 1 MiB is a 413 problem, and nothing is written", async () => {
    const title = `Huge ${Math.random()}`;
    const res = await fetch(`${base}/api/v1/articles`, { method: "POST", headers: { ...auth(), "content-type": "application/json" }, body: JSON.stringify({ title, body: "a".repeat(3_000_000) }) });
    expect(res.status).toBe(413);
    expect((await res.json()).code).toBe("payload_too_large");
    expect(await db.article.count({ where: { organizationId: org.id, title } })).toBe(0);
    // the server still answers
    expect((await fetch(`${base}/api/v1/me`, { headers: auth() })).status).toBe(200);
  });

  it("a body that declares no length and is too long is cut off with a 413 too", async () => {
    const chunks = Array.from({ length: 40 }, () => "a".repeat(64 * 1024));
    const body = new ReadableStream({ pull(c) { const next = chunks.pop(); if (next) c.enqueue(new TextEncoder().encode(next)); else c.close(); } });
    const res = await fetch(`${base}/api/v1/articles`, { method: "POST", headers: { ...auth(), "content-type": "application/json" }, body, duplex: "half" } as RequestInit);
    expect(res.status).toBe(413);
  });

  it("writes with a body: the article is created", async () => {
    const res = await fetch(`${base}/api/v1/articles`, { method: "POST", headers: { ...auth(), "content-type": "application/json" }, body: JSON.stringify({ title: "Posted", published: true }) });
    expect(res.status).toBe(201);
    const id = (await res.json()).id;
    expect(await db.article.findUnique({ where: { id } })).toMatchObject({ title: "Posted", organizationId: org.id });
  });

  it("streams NDJSON as it comes, chunk by chunk", async () => {
    const stamp = Date.now();
    await db.auditEvent.createMany({
      data: Array.from({ length: 1200 }, (_, i) => ({ organizationId: org.id, actorType: "system", actorLabel: "bulk", action: "bulk.event", targetType: "none", metadata: { n: i }, createdAt: new Date(stamp + i) })),
    });
    const res = await fetch(`${base}/api/v1/audit-events?action=bulk.event`, { headers: { ...auth(), accept: "application/x-ndjson" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/x-ndjson");
    expect(res.headers.get("content-length")).toBeNull();
    const lines = (await res.text()).trim().split("\n");
    expect(lines).toHaveLength(1200);
    expect(JSON.parse(lines[0]!)).toMatchObject({ action: "bulk.event" });
  });

  it("hands the handler X-Forwarded-For with the socket peer appended: an IP allowlist sees the caller", async () => {
    const { secret } = await makeKey(org.id, { scopes: ["read"], allowedIps: ["192.0.2.7"] });
    const refused = await fetch(`${base}/api/v1/me`, { headers: { authorization: `Bearer ${secret}`, "x-forwarded-for": "192.0.2.7" } });
    expect(refused.status).toBe(403);
    // no trusted proxy: the client cannot pick its address; the one seen is the socket's
    expect(await refused.json()).toMatchObject({ code: "ip_not_allowed", ip: "127.0.0.1" });
    const { secret: local } = await makeKey(org.id, { scopes: ["read"], allowedIps: ["127.0.0.1"] });
    expect((await fetch(`${base}/api/v1/me`, { headers: { authorization: `Bearer ${local}` } })).status).toBe(200);
  });

  it("a hostile Host header or URL never makes a 500", async () => {
    const res = await new Promise<number>((resolve, reject) => {
      const r = http.request(`${base}/api/v1/me`, { headers: { host: "exa mple:99999", ...auth() } }, (x) => {
        x.resume();
        resolve(x.statusCode!);
      });
      r.on("error", reject);
      r.end();
    });
    expect(res).toBe(200);
  });
});
