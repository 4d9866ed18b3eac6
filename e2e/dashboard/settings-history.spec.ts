import type { Page } from "@playwright/test";
import { expect, fixture, shot, signedIn, test } from "../fixtures";
import { createKeyInUi } from "./keys-helpers";

/** Clicks "Save settings" and waits for the server action's answer (a toast may linger from before). */
async function save(page: Page) {
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/settings/api/settings"),
    page.getByRole("button", { name: "Save settings" }).click(),
  ]);
}

test.describe("signed in as the owner of Fresh Co", () => {
  test.use({ storageState: signedIn("freshOwner") });

  test("settings: requiring an API key changes what a guest gets, and the change is audited", async ({ page, request }) => {
    const { orgs } = fixture();
    // the request client carries the session cookie too: /api/v1 answers by key or as a guest, never by session
    const guest = () => request.get("/api/v1/articles", { headers: { "X-Keydesk-Org": orgs.fresh.slug } });
    expect((await guest()).status()).toBe(200);

    await page.goto("/settings/api/settings");
    await expect(page.getByText("Keys with every permission")).toBeVisible();
    await page.getByRole("switch", { name: "Require an API key for every request" }).check();
    await save(page);
    await expect(page.getByText("Settings saved.", { exact: true }).last()).toBeVisible();
    await expect(page.getByRole("switch", { name: "Require an API key for every request" })).toBeChecked();
    await shot(page, "settings-form");
    const res = await guest();
    expect(res.status()).toBe(401);
    expect((await res.json()).code).toBe("missing_api_key");

    await page.getByRole("switch", { name: "Require an API key for every request" }).uncheck();
    await page.getByLabel("Default rate limit").fill("abc");
    await save(page);
    await expect(page.locator("#defaultRateLimitPerHour-error")).toHaveText("Enter a whole number of requests per hour");
    await page.getByLabel("Default rate limit").fill("750");
    await save(page);
    await expect(page.getByText("Settings saved.", { exact: true }).last()).toBeVisible();
    expect((await guest()).status()).toBe(200);

    await page.goto("/settings/api/history?action=org.settings_updated");
    await expect(page.getByTestId("audit-table").getByRole("row")).toHaveCount(3); // header + 2 changes
    await expect(page.getByTestId("audit-table")).toContainText("Require an API key for every request: on → off");
    await expect(page.getByTestId("audit-table")).toContainText("Default rate limit per hour: 1,000 → 750");
  });

  test("settings: switching to show once needs a confirmation, then keys cannot be revealed", async ({ page }) => {
    await page.goto("/settings/api/settings");
    await page.getByRole("radio", { name: /Show once/ }).check();
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.locator("#revealPolicy-error")).toHaveText("Confirm that the stored secrets of every key will be deleted");
    await page.getByRole("checkbox", { name: /I understand/ }).check();
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText(/^Settings saved\./).last()).toBeVisible();
    await page.goto("/settings/api/settings");
    await expect(page.getByRole("radio", { name: /Show once/ })).toBeChecked();
    // restore for the other specs that use this organization
    await page.getByRole("radio", { name: /Reveal \(audited\)/ }).check();
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText(/^Settings saved\./).last()).toBeVisible();
  });
});

test.describe("signed in as the owner", () => {
  test.use({ storageState: signedIn("owner") });

  test("history: filter by action and export the filtered events as CSV", async ({ page, clientIp }) => {
    const { owner } = fixture();
    const name = `CSV ${Date.now().toString(36)}, "quoted"`;
    await createKeyInUi(page, { name });
    await page.goto("/settings/api/history");
    await page.getByLabel("Action").selectOption("key.created");
    await page.getByLabel("Actor").fill(owner.email);
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/action=key\.created/);
    await expect(page.getByTestId("audit-table")).toContainText(name);
    await expect(page.getByTestId("audit-table")).not.toContainText("Revealed key");
    await shot(page, "history-filtered");

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export CSV" }).click();
    const file = await (await download).path();
    const csv = (await import("node:fs")).readFileSync(file, "utf8");
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("created_at,action,actor_type,actor,target_type,target_id,ip,user_agent,metadata");
    expect(lines.slice(1).every((l) => l.includes(",key.created,user,"))).toBe(true);
    const row = lines.find((l) => l.includes("CSV "))!;
    expect(row).toContain(owner.email);
    expect(row).toContain(clientIp);
    // the JSON metadata cell: the name's quotes JSON-escaped (\") and then doubled by RFC 4180 quoting
    expect(row).toContain('\\""quoted\\""');
  });
});

test("history export is for owners and admins only", async ({ browser }) => {
  const page = await browser.newPage({ storageState: signedIn("agent"), extraHTTPHeaders: { "x-forwarded-for": "10.77.0.1" } });
  const res = await page.request.get("/settings/api/history/export");
  expect(res.status()).toBe(403);
  expect(await res.text()).not.toContain("created_at,action");
  await page.close();
});
