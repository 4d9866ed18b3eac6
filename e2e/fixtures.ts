// Shared by the browser specs: the seeded users (e2e/global-setup.ts), a per-test client IP (so the
// sign-in limiter, 10 a minute per IP, never couples tests), the signed-in states the setup project
// saves (e2e/auth.setup.ts), sign-in and screenshot helpers.
import fs from "node:fs";
import path from "node:path";
import { test as base, expect, type Page } from "@playwright/test";

export type E2EUser = { id: string; email: string; name: string; password: string };
type Org = { id: string; slug: string; name: string; plan: string };
export type Fixture = {
  run: string;
  orgs: { main: Org; second: Org; starter: Org; free: Org; fresh: Org };
  owner: E2EUser;
  admin: E2EUser;
  agent: E2EUser;
  starterOwner: E2EUser;
  freeOwner: E2EUser;
  freshOwner: E2EUser;
};

let cached: Fixture | null = null;
export function fixture(): Fixture {
  return (cached ??= JSON.parse(fs.readFileSync(path.join(process.env.KEYDESK_E2E_DIR!, "fixture.json"), "utf8")) as Fixture);
}

/** The seeded users that the setup project signs in once per run. */
export const SIGNED_IN_USERS = ["owner", "admin", "agent", "starterOwner", "freeOwner", "freshOwner"] as const;
export type SignedInUser = (typeof SIGNED_IN_USERS)[number];

/**
 * The browser state (session cookie) of a seeded user signed in once for the whole run, kept beside
 * the run's database: `test.use({ storageState: signedIn("owner") })` for specs that only need a
 * session. Every context such a spec opens inherits it, so a context that must be someone else, or
 * nobody, says so (`storageState: signedIn("agent")`, `storageState: signedOut`). The session is
 * shared: a spec that signs out signs in a session of its own first, and one that changes a password
 * or ends other sessions uses a user of its own.
 */
export function signedIn(user: SignedInUser): string {
  return path.join(process.env.KEYDESK_E2E_DIR!, "auth", `${user}.json`);
}

/** No session and nothing stored: a partner's browser, a script. */
export const signedOut = { cookies: [], origins: [] };

export function randomIp(): string {
  const b = () => Math.floor(Math.random() * 254) + 1;
  return `10.${b()}.${b()}.${b()}`;
}

export const test = base.extend<{ clientIp: string }>({
  clientIp: async ({}, use) => use(randomIp()),
  context: async ({ context, clientIp }, use) => {
    await context.setExtraHTTPHeaders({ "x-forwarded-for": clientIp });
    await use(context);
  },
});

export { expect };

/** Fills the login form; unless `expectFailure`, waits until the browser has left /login. */
export async function signIn(page: Page, user: Pick<E2EUser, "email" | "password">, opts: { expectFailure?: boolean } = {}) {
  if (!page.url().includes("/login")) await page.goto("/login");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  if (!opts.expectFailure) await page.waitForURL((u) => !u.pathname.startsWith("/login"));
}

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}
