// Issue 11: proxy.ts gives every page a fresh nonce CSP (also handed to Next in the request
// headers) and the other security headers. next-auth is replaced by what its middleware does for an
// authorized request (run the callback, copy its response): vitest cannot load next-auth's ESM build.
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";

vi.mock("next-auth", () => ({
  default: () => ({
    auth: (cb: (req: Request) => Response) => async (req: Request) => {
      const r = cb(req);
      return new Response(r.body, r);
    },
  }),
}));
const { config, proxy } = await import("@/proxy");

const run = (path: string) => proxy(new NextRequest(`http://localhost:3000${path}`), { waitUntil: () => {} } as never);
const nonceOf = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];

describe("proxy.ts security headers", () => {
  it("a public page: nonce CSP on the answer and in the request headers Next renders with", async () => {
    const res = await run("/login");
    const csp = res.headers.get("content-security-policy");
    expect(csp).toContain("frame-ancestors 'none'");
    const nonce = nonceOf(csp);
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(res.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(nonceOf(res.headers.get("x-middleware-request-content-security-policy"))).toBe(nonce);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("strict-transport-security")).toBeNull(); // AUTH_URL is http in tests
    expect(nonceOf((await run("/login")).headers.get("content-security-policy"))).not.toBe(nonce);
  });

  it("claim and invitation pages send no referrer", async () => {
    expect((await run("/invite/abc")).headers.get("referrer-policy")).toBe("no-referrer");
    expect((await run("/claim/abc")).headers.get("referrer-policy")).toBe("no-referrer");
  });

  it("never matches /api (route handlers answer JSON themselves)", () => {
    const re = new RegExp(`^${config.matcher[0]!.source}$`);
    expect(re.test("/api/v1/me")).toBe(false);
    expect(re.test("/settings/api")).toBe(true);
  });
});
