// Security headers on the running server (issue 11): pages carry a fresh nonce CSP and Next's own
// scripts carry that nonce (so the page still works: signing in hydrates and navigates); API answers,
// JSON 404s included, carry the non-CSP headers; claim and invitation pages send no referrer.
import { expect, fixture, signIn, test } from "../fixtures";
import { makeApiKey } from "../keys";

const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];

test("a page: nonce CSP, no framing, nosniff, referrer and permissions policies; the page still works", { tag: "@pages" }, async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content.Security.Policy/i.test(m.text())) errors.push(m.text());
  });
  const res = await page.goto("/login");
  expect(res?.status()).toBe(200);
  const h = res!.headers();
  const nonce = nonceOf(h["content-security-policy"]);
  expect(nonce).toBeTruthy();
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["content-security-policy"]).toContain("object-src 'none'");
  expect(h["content-security-policy"]).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["x-frame-options"]).toBe("DENY");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["permissions-policy"]).toContain("camera=()");
  // AUTH_URL is http://localhost here: no HSTS
  expect(h["strict-transport-security"]).toBeUndefined();
  // Next put this nonce on every script of the server's HTML
  const scriptTags = (await res!.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scriptTags.length).toBeGreaterThan(0);
  expect(scriptTags.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);
  // a second load gets another nonce
  const again = await page.request.get("/login");
  expect(nonceOf(again.headers()["content-security-policy"])).not.toBe(nonce);
  // the page hydrates under the policy: signing in works and lands on the dashboard
  await signIn(page, fixture().owner);
  await expect(page).not.toHaveURL(/\/login/);
  expect(errors).toEqual([]);
});

test("claim and invitation pages send no referrer", { tag: "@pages" }, async ({ request }) => {
  for (const path of ["/claim/not-a-real-token", "/invite/not-a-real-token"]) {
    const res = await request.get(path);
    expect(res.headers()["referrer-policy"], path).toBe("no-referrer");
    expect(res.headers()["content-security-policy"], path).toContain("frame-ancestors 'none'");
  }
});

test("API answers carry the non-CSP headers: success, error and the JSON 404", async ({ request }) => {
  const { secret } = await makeApiKey(fixture().orgs.main.id, { scopes: ["read"] });
  const answers = [
    await request.get("/api/v1/me", { headers: { Authorization: `Bearer ${secret}` } }),
    await request.get("/api/v1/me"),
    await request.get("/api/v1/no-such-endpoint"),
    await request.get("/api/openapi.json"),
  ];
  expect(answers.map((r) => r.status())).toEqual([200, 401, 404, 200]);
  for (const res of answers) {
    const h = res.headers();
    expect(h["x-content-type-options"], res.url()).toBe("nosniff");
    expect(h["x-frame-options"], res.url()).toBe("DENY");
    expect(h["referrer-policy"], res.url()).toBe("strict-origin-when-cross-origin");
    expect(h["permissions-policy"], res.url()).toContain("camera=()");
  }
  // a key in the query string is never cached, whatever the answer
  const queried = await request.get(`/api/v1/no-such-endpoint?api_key=${secret}`);
  expect(queried.headers()["cache-control"]).toBe("no-store");
});
