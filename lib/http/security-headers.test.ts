// Issue 11: the security headers of every page and API answer, built in one place.
import { describe, expect, it } from "vitest";
import type { NextConfig } from "next";
import { configSecurityHeaders, contentSecurityPolicy, hstsHeader, pageSecurityHeaders, referrerPolicyFor } from "@/lib/http/security-headers.mjs";

const directives = (csp: string) => Object.fromEntries(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));

describe("security headers", () => {
  it("the page CSP allows scripts only with the nonce, forbids framing, plugins and foreign base URLs", () => {
    const d = directives(contentSecurityPolicy({ nonce: "abc123+/==" }));
    expect(d["script-src"]).toEqual(["'self'", "'nonce-abc123+/=='", "'strict-dynamic'"]);
    expect(d["script-src"]).not.toContain("'unsafe-inline'");
    expect(d["frame-ancestors"]).toEqual(["'none'"]);
    expect(d["object-src"]).toEqual(["'none'"]);
    expect(d["base-uri"]).toEqual(["'self'"]);
    expect(d["default-src"]).toEqual(["'self'"]);
    expect(d["upgrade-insecure-requests"]).toBeUndefined();
    expect(directives(contentSecurityPolicy({ nonce: "n0nce", https: true }))["upgrade-insecure-requests"]).toEqual([]);
    expect(directives(contentSecurityPolicy({ nonce: "n0nce", dev: true }))["script-src"]).toContain("'unsafe-eval'");
    expect(() => contentSecurityPolicy({ nonce: "x'; script-src *" })).toThrow();
  });

  it("Referrer-Policy is no-referrer on claim and invitation pages only", () => {
    expect(referrerPolicyFor("/claim/tok_123")).toBe("no-referrer");
    expect(referrerPolicyFor("/invite/abc")).toBe("no-referrer");
    expect(referrerPolicyFor("/settings/api")).toBe("strict-origin-when-cross-origin");
    expect(referrerPolicyFor("/claimed")).toBe("strict-origin-when-cross-origin");
  });

  it("HSTS only when AUTH_URL is https", () => {
    expect(hstsHeader("https://desk.example.com")).toMatch(/^max-age=\d{7,}/);
    expect(hstsHeader("http://localhost:3000")).toBeNull();
    expect(hstsHeader(undefined)).toBeNull();
    const https = new Map(pageSecurityHeaders({ pathname: "/", nonce: "n0nce", authUrl: "https://desk.example.com" }));
    const http = new Map(pageSecurityHeaders({ pathname: "/invite/x", nonce: "n0nce", authUrl: "http://localhost:3000" }));
    expect(https.get("Strict-Transport-Security")).toBeTruthy();
    expect(http.has("Strict-Transport-Security")).toBe(false);
    expect(http.get("Referrer-Policy")).toBe("no-referrer");
    for (const h of [https, http]) {
      expect(h.get("X-Content-Type-Options")).toBe("nosniff");
      expect(h.get("Permissions-Policy")).toContain("camera=()");
      expect(h.get("Content-Security-Policy")).toContain("'nonce-n0nce'");
    }
  });

  it("next.config.mjs sends the static headers on every path (API answers included), no-referrer winning on claim/invite", async () => {
    const configFile = "../../next.config.mjs"; // plain JS without types: loaded by path
    const nextConfig = ((await import(/* @vite-ignore */ configFile)) as { default: NextConfig }).default;
    const rules = await nextConfig.headers!();
    expect(rules).toEqual(expect.arrayContaining(configSecurityHeaders()));
    const all = rules.find((r) => r.source === "/:path*")!;
    expect(Object.fromEntries(all.headers.map((h) => [h.key, h.value]))).toMatchObject({
      "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Referrer-Policy": "strict-origin-when-cross-origin", "Permissions-Policy": expect.any(String),
    });
    // later rules override earlier ones: the catch-all comes first
    const index = (src: string) => rules.findIndex((r) => r.source === src);
    expect(index("/:path*")).toBeLessThan(index("/claim/:token*"));
    expect(index("/:path*")).toBeLessThan(index("/invite/:token*"));
  });
});
