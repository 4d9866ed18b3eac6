// The contract as a program meets it over real HTTP on `next start`: transports, errors, headers.
import net from "node:net";
import { expect, fixture, test } from "../fixtures";
import { makeApiKey } from "../keys";

test("a key works in all three transports and every answer carries the rate-limit headers", async ({ request }) => {
  const { secret } = await makeApiKey(fixture().orgs.main.id, { scopes: ["read"] });
  const bearer = await request.get("/api/v1/me", { headers: { Authorization: `Bearer ${secret}` } });
  expect(bearer.status()).toBe(200);
  expect((await bearer.json()).organization.slug).toBe(fixture().orgs.main.slug);
  expect(bearer.headers()["ratelimit-limit"]).toBe("1000");
  expect(bearer.headers()["ratelimit-policy"]).toBe("1000;w=3600");
  expect(Number(bearer.headers()["ratelimit-remaining"])).toBeLessThan(1000);
  expect((await request.get("/api/v1/me", { headers: { "X-API-Key": secret } })).status()).toBe(200);
  const query = await request.get(`/api/v1/me?api_key=${secret}`);
  expect(query.status()).toBe(200);
  expect(query.headers()["cache-control"]).toBe("no-store");
});

test("errors are problem+json with WWW-Authenticate, never HTML", async ({ request }) => {
  const none = await request.get("/api/v1/me");
  expect(none.status()).toBe(401);
  expect(none.headers()["content-type"]).toBe("application/problem+json");
  expect(none.headers()["www-authenticate"]).toBe('Bearer realm="keydesk"');
  expect(await none.json()).toMatchObject({ type: "/docs/errors#missing_api_key", title: "API key required", status: 401, code: "missing_api_key" });
  const bad = await request.get("/api/v1/me", { headers: { Authorization: "Bearer kd_nope" } });
  expect(bad.headers()["www-authenticate"]).toBe('Bearer realm="keydesk", error="invalid_token"');
  const unknown = await request.get("/api/v1/nothing-here");
  expect(unknown.status()).toBe(404);
  expect((await unknown.json()).code).toBe("not_found");
  const { secret } = await makeApiKey(fixture().orgs.main.id, { scopes: ["write"] });
  const malformed = await request.post("/api/v1/articles", { headers: { Authorization: `Bearer ${secret}`, "Content-Type": "application/json" }, data: "{oops" });
  expect(malformed.status()).toBe(400);
  expect((await malformed.json()).errors[0].path).toBe("(root)");
  const huge = await request.post("/api/v1/articles", { headers: { Authorization: `Bearer ${secret}`, "Content-Type": "application/json" }, data: JSON.stringify({ title: "x", body: "a".repeat(1_100_000) }) });
  expect(huge.status()).toBe(413);
});

test("a request head over 16 KiB is a 431 problem, a malformed request a 400 problem (before any route)", async ({ baseURL }) => {
  const res = await fetch(`${baseURL}/api/v1/articles?query=${"x".repeat(20_000)}`);
  expect(res.status).toBe(431);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  expect(await res.json()).toMatchObject({ code: "request_header_too_large", status: 431 });
  const { port, hostname } = new URL(baseURL!);
  const raw = await new Promise<string>((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.write("GET /api/v1/me HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n"));
    let text = "";
    socket.on("data", (d) => (text += d));
    socket.on("end", () => resolve(text));
    socket.on("error", reject);
  });
  expect(raw).toMatch(/^HTTP\/1\.1 400 /);
  expect(raw).toContain('"code":"invalid_request"');
});

test("the audit log streams as NDJSON, one event a line", async ({ request }) => {
  const { secret } = await makeApiKey(fixture().orgs.main.id, { scopes: ["admin"] });
  const res = await request.get("/api/v1/audit-events?action=key.created", { headers: { Authorization: `Bearer ${secret}`, Accept: "application/x-ndjson" } });
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("application/x-ndjson");
  expect(res.headers()["cache-control"]).toBe("no-store");
  const events = (await res.text()).trim().split("\n").map((line) => JSON.parse(line) as { action: string });
  expect(events.length).toBeGreaterThan(0);
  expect(events.every((e) => e.action === "key.created")).toBe(true);
});

test("guests read the organization's external, published articles by X-Keydesk-Org", async ({ request }) => {
  const { orgs } = fixture();
  const { secret } = await makeApiKey(orgs.main.id, { scopes: ["write"] });
  const auth = { Authorization: `Bearer ${secret}` };
  const pub = await (await request.post("/api/v1/articles", { headers: auth, data: { title: "Public guide", visibility: "external", published: true } })).json();
  const internal = await (await request.post("/api/v1/articles", { headers: auth, data: { title: "Internal note", visibility: "internal", published: true } })).json();
  const guest = { "X-Keydesk-Org": orgs.main.slug };
  expect((await request.get(`/api/v1/articles/${pub.id}`, { headers: guest })).status()).toBe(200);
  expect((await request.get(`/api/v1/articles/${internal.id}`, { headers: guest })).status()).toBe(404);
  expect((await request.get(`/api/v1/articles/${internal.id}`, { headers: auth })).status()).toBe(200);
});

test("the OpenAPI document, the interactive reference and the errors page", { tag: "@pages" }, async ({ page, request }) => {
  const doc = await (await request.get("/api/openapi.json")).json();
  expect(doc.openapi).toBe("3.1.0");
  expect(doc.paths["/api/v2/approvals/UpdateApprovalStatus"].post).toBeTruthy();
  const external: string[] = [];
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (u.hostname !== "localhost") external.push(r.url());
  });
  await page.goto("/docs/api");
  await expect(page.getByRole("heading", { name: /Keydesk API/ })).toBeVisible();
  await expect(page.getByText("/api/v1/articles/{id}").first()).toBeVisible();
  expect(external).toEqual([]);
  await page.screenshot({ path: "test-results/screenshots/docs-api.png" });
  await page.goto("/docs/errors#rate_limited");
  await expect(page.locator("#rate_limited")).toContainText("Retry-After");
  await expect(page.locator("#invalid_api_key")).toContainText("Invalid API Key");
});

test("pages name an icon that is served (no favicon 404 on every page)", { tag: "@pages" }, async ({ page, request }) => {
  await page.goto("/login");
  const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(href).toMatch(/^\/icon\.svg/);
  const icon = await request.get(href!);
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
});
