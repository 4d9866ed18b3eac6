// SSO against a real OpenID Connect provider (oidc-provider on 127.0.0.1, started by the config).
import type { Page } from "@playwright/test";
import { expect, fixture, shot, test } from "../fixtures";

async function signInAtProvider(page: Page, login: string) {
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in with SSO" }).click();
  await page.waitForURL(/localhost:3199/);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any-password");
  await page.locator('button[type="submit"]').click();
  // the provider asks for consent once per client
  const consent = page.getByRole("button", { name: /continue/i });
  if (await consent.isVisible({ timeout: 5_000 }).catch(() => false)) await consent.click();
}

test("a member signs in by SSO, matched by verified email", async ({ page }) => {
  const { owner, orgs } = fixture();
  await signInAtProvider(page, owner.email);
  await page.waitForURL(/localhost:3100\/settings\/api/);
  await expect(page.getByTestId("user-email")).toHaveText(owner.email);
  await expect(page.getByTestId("current-org")).toHaveText(orgs.main.name);
});

test("an unknown email is refused with a clear page and no session", async ({ page, context }) => {
  await signInAtProvider(page, `stranger-${Date.now()}@example.com`);
  await page.waitForURL(/\/login\/sso-refused/);
  await expect(page.getByRole("heading", { name: "No Keydesk account for this sign-in" })).toBeVisible();
  await shot(page, "sso-refused");
  expect((await context.cookies()).find((c) => c.name.includes("session-token"))).toBeUndefined();
});

test("an unverified email is refused", async ({ page }) => {
  await signInAtProvider(page, `unverified-${fixture().owner.email}`);
  await page.waitForURL(/\/login\/sso-refused/);
});
