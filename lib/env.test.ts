// lib/env: every variable validated when the module loads, read again when it changes (tests switch
// SMTP_URL and NODE_ENV at run time), an empty variable counts as unset.
import { afterEach, describe, expect, it, vi } from "vitest";
import { env } from "@/lib/env";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("env", () => {
  it("reads a variable again when it changes; empty is unset", () => {
    vi.stubEnv("SMTP_URL", "smtp://127.0.0.1:2525");
    expect(env.smtpUrl).toBe("smtp://127.0.0.1:2525");
    vi.stubEnv("SMTP_URL", "");
    expect(env.smtpUrl).toBeUndefined();
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("KEYDESK_WEBHOOKS_ALLOW_LOCAL", "");
    expect(env.webhooksAllowLocal).toBe(false);
    vi.stubEnv("KEYDESK_WEBHOOKS_ALLOW_LOCAL", "1");
    expect(env.webhooksAllowLocal).toBe(true);
  });

  it("names the variable whose value is wrong", () => {
    vi.stubEnv("SMTP_URL", "mail.example.com");
    expect(() => env.smtpUrl).toThrow("Invalid environment: SMTP_URL: SMTP_URL must be a URL such as smtp://user:password@host:587");
    vi.stubEnv("PORT", "0");
    expect(() => env.selfUrl).toThrow(/^Invalid environment: PORT: /);
  });

  it("the server reaches itself on its port when set, else at AUTH_URL", () => {
    vi.stubEnv("AUTH_URL", "https://desk.example.com");
    vi.stubEnv("PORT", "");
    expect(env.selfUrl).toBe("https://desk.example.com");
    expect(env.secureCookies).toBe(true);
    vi.stubEnv("PORT", "3210");
    expect(env.selfUrl).toBe("http://127.0.0.1:3210");
  });

  it("offers SSO only when the issuer, client id and secret are all set; the button says SSO unless named", () => {
    vi.stubEnv("KEYDESK_OIDC_ISSUER", "https://id.example.com");
    vi.stubEnv("KEYDESK_OIDC_CLIENT_ID", "keydesk");
    vi.stubEnv("KEYDESK_OIDC_CLIENT_SECRET", "");
    vi.stubEnv("KEYDESK_OIDC_NAME", "");
    expect(env.oidc).toBeNull();
    vi.stubEnv("KEYDESK_OIDC_CLIENT_SECRET", "s3cret");
    expect(env.oidc).toEqual({ issuer: "https://id.example.com", clientId: "keydesk", clientSecret: "s3cret", name: "SSO" });
    vi.stubEnv("KEYDESK_OIDC_NAME", "Okta");
    expect(env.oidc?.name).toBe("Okta");
  });

  it("refuses to load with a bad value, naming each one", async () => {
    vi.resetModules();
    vi.stubEnv("KEYDESK_TRUSTED_PROXIES", "10.0.0.0/33");
    vi.stubEnv("KEYDESK_RATE_LIMIT_CONNECT_WAIT_MS", "soon");
    await expect(import("@/lib/env")).rejects.toThrow(/^Invalid environment: KEYDESK_RATE_LIMIT_CONNECT_WAIT_MS: .+; KEYDESK_TRUSTED_PROXIES: "10\.0\.0\.0\/33" is not/);
  });
});
