// Shared by the browser specs: the seeded users (e2e/global-setup.ts), a per-test client IP (so the
// sign-in limiter, 10 a minute per IP, never couples tests), sign-in and screenshot helpers.
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
