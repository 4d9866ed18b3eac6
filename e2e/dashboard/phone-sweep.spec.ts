// Every page at 390 px (a phone): nothing makes the page scroll sideways (tables scroll inside their
// own box), with a screenshot of each under test-results/screenshots/phone-*.png.
import type { Page } from "@playwright/test";
import { makeApiKey } from "../keys";
import { expect, fixture, shot, signedIn, signedOut, test } from "../fixtures";

test.use({ viewport: { width: 390, height: 844 } });

async function fitsPhone(page: Page, path: string, name: string) {
  const res = await page.goto(path);
  expect(res?.status(), path).toBeLessThan(400);
  await page.waitForLoadState("networkidle");
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  await shot(page, `phone-${name}`);
  expect(scrollWidth, `${path} is ${scrollWidth} px wide at ${innerWidth} px`).toBeLessThanOrEqual(innerWidth);
}

test.describe("signed in as an owner", () => {
  test.use({ storageState: signedIn("owner") });

  test("every dashboard page fits 390 px", async ({ page }) => {
    test.setTimeout(120_000);
    const { orgs } = fixture();
    const { db } = await import("../../lib/db");
    const key = await makeApiKey(orgs.main.id, { scopes: ["read"] });
    const partner = await db.partner.findFirst({ where: { organizationId: orgs.main.id, deletedAt: null } });
    const webhook = await db.webhookEndpoint.findFirst({ where: { organizationId: orgs.main.id } });
    const pages: [string, string][] = [
      ["/settings/api", "keys"],
      ["/settings/api?status=expiring", "keys-expiring"],
      ["/settings/api?status=decoys", "keys-decoys"],
      ["/settings/api?status=deleted", "keys-deleted"],
      [`/settings/api/keys/${key.key.id}`, "key"],
      ["/settings/api/partners", "partners"],
      ["/settings/api/webhooks", "webhooks"],
      ["/settings/api/history", "history"],
      ["/settings/api/settings", "settings"],
      ["/settings/team", "team"],
      ["/profile", "profile"],
      ["/approvals", "approvals"],
      ["/docs/errors", "docs-errors"],
    ];
    if (partner) pages.push([`/settings/api/partners/${partner.id}`, "partner"]);
    if (webhook) pages.push([`/settings/api/webhooks/${webhook.id}`, "webhook"]);
    for (const [path, name] of pages) await fitsPhone(page, path, name);
    // the API settings tabs are whole on a phone (not cut to "Settin")
    await page.goto("/settings/api");
    const tabs = page.getByRole("navigation", { name: "API settings" });
    for (const tab of ["Keys", "Partners", "Webhooks", "History", "Settings"]) await expect(tabs.getByRole("link", { name: tab })).toBeInViewport({ ratio: 1 });
  });

  test("a long dialog keeps its actions on screen at 390 px", async ({ page }) => {
    await page.goto("/settings/api");
    await page.getByRole("button", { name: "Create API key" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Create API key" });
    await dialog.getByRole("radio", { name: "Fine-grained" }).click(); // the longest form
    await expect(dialog.getByRole("button", { name: "Create key" })).toBeInViewport();
    await expect(dialog.getByRole("button", { name: "Cancel" })).toBeInViewport();
    await shot(page, "phone-create-key-dialog");
  });
});

test.describe("signed out", () => {
  test.use({ storageState: signedOut });

  test("the public pages fit 390 px", async ({ page }) => {
    for (const [path, name] of [["/login", "login"], ["/forgot-password", "forgot-password"], ["/reset-password/not-a-token", "reset-dead-link"], ["/claim/not-a-token", "claim-dead-link"], ["/invite/not-a-token", "invite-dead-link"]] as const) {
      await fitsPhone(page, path, name);
    }
  });
});
