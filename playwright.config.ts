// Browser specs against `next start` (build first: `npx next build`). The database is a fresh SQLite
// file made here, at config load, because this Playwright version starts the webServer before
// globalSetup runs; globalSetup (e2e/global-setup.ts) then adds the organizations and users.
// The config file is also loaded by every worker: the env guard makes the setup run once.
// The "setup" project (e2e/auth.setup.ts) then signs the seeded users in once and saves their
// sessions beside the database; specs that only need a session start from them (e2e/fixtures.ts).
import "./scripts/server-only-outside-next.mjs"; // the specs and globalSetup import lib/
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

const PORT = 3100;
const BASE_URL = `http://localhost:${PORT}`;
// the same server with KEYDESK_API_DISPATCHER=next: the API specs run against both modes (issue 16)
const NEXT_MODE_PORT = 3101;
const NEXT_MODE_URL = `http://localhost:${NEXT_MODE_PORT}`;
const OIDC_PORT = 3199;
const OIDC_CLIENT_ID = "keydesk-e2e";
const OIDC_CLIENT_SECRET = "keydesk-e2e-client-secret";
const SMTP_PORT = 3125;

if (!process.env.KEYDESK_E2E_DIR) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "keydesk-e2e-"));
  process.env.KEYDESK_E2E_DIR = dir;
  process.env.DATABASE_URL = `file:${path.join(dir, "e2e.db")}`;
  process.env.KEYDESK_SECRET ??= "e2e-only-keydesk-secret-0123456789abcdefghij";
  const r = spawnSync(process.execPath, ["scripts/prisma-wasm.mjs", "deploy"], {
    env: { ...process.env, PRISMA_PROVIDER: "sqlite" },
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`e2e: migrations failed\n${r.stdout}\n${r.stderr}`);
}

const chromium = fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
const browser = {
  ...devices["Desktop Chrome"],
  viewport: { width: 1280, height: 800 },
  launchOptions: {
    executablePath: chromium,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  },
};

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/playwright",
  globalSetup: "./e2e/global-setup.ts",
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]] : "list",
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    viewport: { width: 1280, height: 800 },
  },
  projects: [
    // signs the seeded users in once and saves their sessions (e2e/auth.setup.ts)
    { name: "setup", testMatch: /auth\.setup\.ts$/, use: browser },
    { name: "chromium", dependencies: ["setup"], use: browser },
    // the HTTP contract, the API fuzz and the approvals flow once more, with Next serving /api too
    // (tests of pages alone, tagged @pages, are the same in both modes: run once)
    { name: "api-via-next", dependencies: ["setup"], testMatch: /e2e\/api\/.*\.spec\.ts$/, grepInvert: /@pages/, use: { ...browser, baseURL: NEXT_MODE_URL } },
  ],
  webServer: [
    {
      // a real OpenID Connect provider for the SSO specs
      command: `node e2e/oidc-provider-server.mjs ${OIDC_PORT} ${OIDC_CLIENT_ID} ${OIDC_CLIENT_SECRET} ${BASE_URL}/api/auth/callback/oidc`,
      url: `http://localhost:${OIDC_PORT}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // a real SMTP server that keeps each message in <e2e dir>/mail for the specs to read
      command: `node e2e/smtp-capture-server.mjs ${SMTP_PORT} ${path.join(process.env.KEYDESK_E2E_DIR!, "mail")}`,
      port: SMTP_PORT,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // what `npm start` serves (scripts/server.mjs: the API dispatcher, client addresses, graceful shutdown)
      command: `node scripts/server.mjs`,
      url: `${BASE_URL}/login`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe",
      stderr: "pipe",
      env: serverEnv(PORT, BASE_URL),
    },
    {
      // the fallback mode: Next's request handler serves /api as well
      command: `node scripts/server.mjs`,
      url: `${NEXT_MODE_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe",
      stderr: "pipe",
      env: { ...serverEnv(NEXT_MODE_PORT, NEXT_MODE_URL), KEYDESK_API_DISPATCHER: "next" },
    },
  ],
});

/** The environment of a Keydesk server of this run. */
function serverEnv(port: number, baseUrl: string): Record<string, string> {
  return {
    DATABASE_URL: process.env.DATABASE_URL!,
    KEYDESK_SECRET: process.env.KEYDESK_SECRET!,
    KEYDESK_DATA_DIR: process.env.KEYDESK_E2E_DIR!,
    AUTH_TRUST_HOST: "true",
    AUTH_URL: baseUrl,
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
    MAIL_FROM: "Keydesk <keydesk@e2e.keydesk.test>",
    KEYDESK_OIDC_ISSUER: `http://localhost:${OIDC_PORT}`,
    KEYDESK_OIDC_CLIENT_ID: OIDC_CLIENT_ID,
    KEYDESK_OIDC_CLIENT_SECRET: OIDC_CLIENT_SECRET,
    // the webhook specs deliver to a receiver on 127.0.0.1
    KEYDESK_WEBHOOKS_ALLOW_LOCAL: "1",
    // the specs pose as many clients with X-Forwarded-For through a local socket: trust loopback
    KEYDESK_TRUSTED_PROXIES: "127.0.0.1,::1",
  };
}
