import { expect, fixture, shot, signedIn, test } from "../fixtures";
import { createKeyInUi, KEY_PATTERN, me, openKey } from "./keys-helpers";
import { waitForMessages } from "../mail";

const uniq = (p: string) => `${p} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

test.use({ storageState: signedIn("owner") });

test("create with the default name, copy the secret and test the connection", async ({ page, context, request }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/settings/api");
  await page.getByRole("button", { name: "Create API key" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Create API key" });
  const name = await dialog.getByLabel("Name").inputValue();
  expect(name).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  await dialog.getByRole("radio", { name: "Write" }).check();
  await dialog.getByLabel("Rate limit (requests per hour)").fill("500");
  await shot(page, "create-dialog");
  await dialog.getByRole("button", { name: "Create key" }).click();

  const created = page.getByRole("dialog", { name: "API key created" });
  const secret = (await created.getByTestId("new-secret").textContent())!.trim();
  expect(secret).toMatch(KEY_PATTERN);
  await expect(created.getByTestId("curl-line")).toHaveText(`curl -H "Authorization: Bearer ${secret}" http://localhost:3100/api/v1/me`);
  await created.getByRole("button", { name: "Copy key" }).click();
  await expect(created.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  await created.getByRole("button", { name: "Test now" }).click();
  await expect(created.getByTestId("test-status")).toHaveText("Connected: HTTP 200");
  await expect(created.getByTestId("test-result")).toContainText(name);
  await shot(page, "create-secret");
  await created.getByRole("button", { name: "Done" }).click();

  expect((await me(request, secret)).status()).toBe(200);
  const row = page.getByTestId("keys-table").getByRole("row", { name: new RegExp(name) }).first();
  await expect(row).toContainText("Write");
  await expect(row).toContainText(`${secret.slice(0, 7)}…${secret.slice(-4)}`);
  await shot(page, "keys-list");
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole("button", { name: "Create API key" })).toBeVisible();
  await shot(page, "keys-list-390px");
});

test("create shows validation errors next to the field", async ({ page }) => {
  await page.goto("/settings/api");
  await page.getByRole("button", { name: "Create API key" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Create API key" });
  await dialog.getByLabel("Name").fill("   ");
  await dialog.getByLabel("Rate limit (requests per hour)").fill("0");
  await dialog.getByRole("button", { name: "Create key" }).click();
  await expect(dialog.getByLabel("Rate limit (requests per hour)")).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.locator("#key-rate-limit-error")).toHaveText("Enter a number from 1 to 1,000,000");
  await expect(dialog.locator("#key-name-error")).toHaveText("Name cannot be empty");
  await dialog.getByRole("radio", { name: "Fine-grained" }).click();
  for (const r of ["articles", "categories", "approvals"]) await dialog.getByRole("radio", { name: `${r}: none` }).check();
  // every field's error at once: no permission, a rate limit that is no number, and the name
  await dialog.getByLabel("Rate limit (requests per hour)").fill("lots");
  await dialog.getByRole("button", { name: "Create key" }).click();
  await expect(dialog.locator("#key-access-error")).toHaveText("Choose at least one permission");
  await expect(dialog.locator("#key-rate-limit-error")).toHaveText("Enter a whole number of requests per hour");
  await expect(dialog.locator("#key-name-error")).toHaveText("Name cannot be empty");
});

test("edit renames and re-scopes a key, recorded with before and after", async ({ page, request }) => {
  const name = uniq("Edit me");
  const secret = await createKeyInUi(page, { name, preset: "Read" });
  await openKey(page, name);
  await page.getByRole("button", { name: "Edit" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit API key" });
  await dialog.getByLabel("Name").fill("");
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(dialog.locator("#key-name-error")).toHaveText("Name cannot be empty");
  const renamed = `${name} (renamed)`;
  await dialog.getByLabel("Name").fill(renamed);
  await dialog.getByRole("radio", { name: "Fine-grained" }).click();
  await dialog.getByRole("radio", { name: "articles: write" }).check();
  await dialog.getByLabel("Rate limit (requests per hour)").fill("42");
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText("Key updated", { exact: true })).toBeVisible();
  await expect(page.getByTestId("key-name")).toHaveText(renamed);
  await expect(page.getByText("42 requests / hour")).toBeVisible();
  await expect(page.getByTestId("audit-table")).toContainText("Updated key");
  // before → after, in words
  await expect(page.getByTestId("audit-table")).toContainText(`Name: ${name} → ${renamed}`);
  await expect(page.getByTestId("audit-table")).toContainText("Permissions: added articles:write");
  await expect(page.getByTestId("audit-table")).toContainText("Rate limit per hour: none → 42");
  const res = await me(request, secret);
  expect(res.status()).toBe(200);
  expect(JSON.stringify(await res.json())).toContain("articles:write");
  await shot(page, "key-detail");
});

test("reveal asks for the password, then the audit entry names the actor and IP", async ({ page, clientIp }) => {
  const { owner } = fixture();
  const name = uniq("Reveal me");
  const secret = await createKeyInUi(page, { name });
  await openKey(page, name);
  await page.getByRole("button", { name: "View API key" }).click();
  let dialog = page.getByRole("dialog", { name: "View API key" });
  await dialog.getByLabel("Confirm your password").fill("wrong-password-here");
  await dialog.getByLabel("Reason").fill("e2e check");
  await dialog.getByRole("button", { name: "View key" }).click();
  await expect(dialog.locator("#reveal-password-error")).toHaveText("Incorrect password");
  await expect(dialog.getByLabel("Confirm your password")).toHaveAttribute("aria-invalid", "true");
  await dialog.getByLabel("Confirm your password").fill(owner.password);
  await dialog.getByRole("button", { name: "View key" }).click();
  const shown = page.getByRole("dialog", { name: "API key" });
  await expect(shown.getByTestId("revealed-secret")).toHaveText(secret);
  await shot(page, "reveal");
  await shown.getByRole("button", { name: "Done" }).click();

  // within 10 minutes: no password asked
  await page.reload();
  await page.getByRole("button", { name: "View API key" }).click();
  dialog = page.getByRole("dialog", { name: "View API key" });
  await expect(dialog.getByLabel("Confirm your password")).toHaveCount(0);
  await dialog.getByRole("button", { name: "View key" }).click();
  await expect(page.getByRole("dialog", { name: "API key" }).getByTestId("revealed-secret")).toHaveText(secret);

  await page.goto("/settings/api/history");
  const row = page.getByTestId("audit-table").getByRole("row", { name: new RegExp(`Revealed key.*${name}`) }).last();
  await expect(row).toContainText(owner.email);
  await expect(row).toContainText(clientIp);
  await expect(page.getByTestId("audit-table").getByRole("row", { name: /reason: e2e check/ })).toContainText(clientIp);
});

test("rotate: both secrets work, a third is refused, retiring the old one stops it", async ({ page, request }) => {
  const name = uniq("Rotate me");
  const oldSecret = await createKeyInUi(page, { name });
  await openKey(page, name);
  await page.getByRole("button", { name: "Rotate" }).click();
  let dialog = page.getByRole("dialog", { name: "Rotate API key" });
  await dialog.getByRole("radio", { name: "When I retire it" }).check();
  // rotating yields a working secret: the password again, as for "View API key"
  await dialog.getByRole("button", { name: "Create new secret" }).click();
  await expect(dialog.locator("#rotate-password-error")).toHaveText("Enter your password to continue");
  await dialog.getByLabel("Confirm your password").fill(fixture().owner.password);
  await dialog.getByRole("button", { name: "Create new secret" }).click();
  const created = page.getByRole("dialog", { name: "New secret created" });
  const newSecret = (await created.getByTestId("new-secret").textContent())!.trim();
  expect(newSecret).toMatch(KEY_PATTERN);
  expect(newSecret).not.toBe(oldSecret);
  await created.getByRole("button", { name: "Done" }).click();

  expect((await me(request, oldSecret)).status()).toBe(200);
  expect((await me(request, newSecret)).status()).toBe(200);
  await expect(page.getByTestId("secret-row")).toHaveCount(2);
  await shot(page, "rotating");

  await page.getByRole("button", { name: "Rotate" }).click();
  dialog = page.getByRole("dialog", { name: "Rotate API key" });
  await expect(dialog.getByRole("alert", { name: "Rotation refused" })).toContainText("Retire the old secret");
  await page.keyboard.press("Escape");

  // retiring asks first and says when the old secret was last used (counted in memory, written in
  // batches: "never" until the batch lands)
  await page.getByRole("button", { name: "Retire the old secret" }).click();
  const retire = page.getByRole("dialog", { name: "Retire the old secret?" });
  await expect(retire).toContainText("stops working at once");
  await expect(retire.getByTestId("retire-last-used")).toContainText(/Last used|Never used/);
  await retire.getByRole("button", { name: "Retire secret" }).click();
  await expect(page.getByTestId("secret-row")).toHaveCount(1);
  expect((await me(request, oldSecret)).status()).toBe(401);
  expect((await me(request, newSecret)).status()).toBe(200);
  await expect(page.getByTestId("audit-table")).toContainText("Retired old secret");
});

test("delete → the key gets 401 → restore → it works again", async ({ page, request }) => {
  const name = uniq("Delete me");
  const secret = await createKeyInUi(page, { name });
  await openKey(page, name);
  // destructive actions sit in the danger zone, not beside Edit
  await expect(page.getByRole("region", { name: "Danger zone" })).toBeVisible();
  await page.getByRole("button", { name: "Delete this key" }).click();
  const dialog = page.getByRole("dialog", { name: `Delete “${name}”?` });
  await expect(dialog).toContainText("stops working immediately");
  await dialog.getByRole("button", { name: "Delete key" }).click();
  await expect(page).toHaveURL(/status=deleted/);
  await expect(page.getByRole("tab", { name: "Recently deleted" })).toHaveAttribute("aria-selected", "true");
  expect((await me(request, secret)).status()).toBe(401);
  await shot(page, "recently-deleted");

  await page.getByRole("button", { name: `Restore ${name}` }).click();
  await expect(page.getByText(`Restored “${name}”`, { exact: true })).toBeVisible();
  expect((await me(request, secret)).status()).toBe(200);
  await page.goto(`/settings/api?q=${encodeURIComponent(name)}`);
  await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
});

test("plan gating: free offers no creation, starter only read permissions", async ({ browser }) => {
  const free = await browser.newPage({ storageState: signedIn("freeOwner"), extraHTTPHeaders: { "x-forwarded-for": "10.9.9.1" } });
  await free.goto("/settings/api");
  await expect(free.getByText("API access needs a paid plan")).toBeVisible();
  await expect(free.getByRole("button", { name: "Create API key" })).toHaveCount(0);
  await shot(free, "plan-free");
  await free.close();

  const starter = await browser.newPage({ storageState: signedIn("starterOwner"), extraHTTPHeaders: { "x-forwarded-for": "10.9.9.2" } });
  await starter.goto("/settings/api");
  await starter.getByRole("button", { name: "Create API key" }).first().click();
  const dialog = starter.getByRole("dialog", { name: "Create API key" });
  await expect(dialog.getByRole("radio", { name: "Write" })).toBeDisabled();
  await expect(dialog.getByRole("radio", { name: "Admin" })).toBeDisabled();
  await dialog.getByRole("radio", { name: "Fine-grained" }).click();
  await expect(dialog.getByRole("radio", { name: "articles: write" })).toBeDisabled();
  await expect(dialog.getByRole("radio", { name: "articles: read" })).toBeEnabled();
  await shot(starter, "plan-starter");
  await dialog.getByRole("button", { name: "Create key" }).click();
  await expect(starter.getByRole("dialog", { name: "API key created" })).toBeVisible();
  await starter.close();
});

test.describe("signed in as an admin", () => {
  test.use({ storageState: signedIn("admin") });

  test("an admin can create, rotate and delete keys too", async ({ page, request }) => {
    const name = uniq("Admin key");
    const secret = await createKeyInUi(page, { name, preset: "Admin" });
    expect((await me(request, secret)).status()).toBe(200);
    await openKey(page, name);
    await page.getByRole("button", { name: "Delete this key" }).click();
    await page.getByRole("button", { name: "Delete key" }).click();
    await expect(page).toHaveURL(/status=deleted/);
    expect((await me(request, secret)).status()).toBe(401);
  });
});

test("when someone else reveals a key, its creator is told by email", async ({ page, browser }) => {
  const { owner, admin } = fixture();
  const name = uniq("Watched key");
  const secret = await createKeyInUi(page, { name });
  const before = (await import("../mail")).messagesTo(owner.email).length;

  const adminPage = await browser.newPage({ storageState: signedIn("admin"), extraHTTPHeaders: { "x-forwarded-for": "10.66.6.6" } });
  await openKey(adminPage, name);
  await adminPage.getByRole("button", { name: "View API key" }).click();
  const dialog = adminPage.getByRole("dialog", { name: "View API key" });
  await dialog.getByLabel("Confirm your password").fill(admin.password);
  await dialog.getByLabel("Reason").fill("debugging the sync job");
  await dialog.getByRole("button", { name: "View key" }).click();
  await expect(adminPage.getByRole("dialog", { name: "API key" }).getByTestId("revealed-secret")).toHaveText(secret);
  await adminPage.close();

  const mail = (await waitForMessages(owner.email, before + 1)).at(-1)!;
  expect(mail).toMatch(/^Subject: .*Your_API_key/m);
  expect(mail).toContain(`${admin.email} viewed the secret of the API key "${name}" in ${fixture().orgs.main.name}.`);
  expect(mail).toContain(admin.email);
  expect(mail).toContain("10.66.6.6");
  expect(mail).toContain("debugging the sync job");
  expect(mail).not.toContain(secret);
});

test("the key page shows its usage split by status and its current rate-limit window", async ({ page, request }) => {
  const name = uniq("Usage key");
  await page.goto("/settings/api");
  await page.getByRole("button", { name: "Create API key" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Create API key" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Rate limit (requests per hour)").fill("2");
  await dialog.getByRole("button", { name: "Create key" }).click();
  const secret = (await page.getByRole("dialog", { name: "API key created" }).getByTestId("new-secret").textContent())!.trim();
  await page.getByRole("button", { name: "Done" }).click();
  await openKey(page, name);
  await expect(page.getByText("No requests yet")).toBeVisible();

  const statuses = [];
  for (let i = 0; i < 3; i++) statuses.push((await me(request, secret)).status());
  expect(statuses).toEqual([200, 200, 429]);

  await openKey(page, name);
  await expect(page.getByTestId("rate-window")).toContainText("0 of 2 left");
  // usage is counted in memory and flushed in batches every few seconds
  await expect(async () => {
    await page.reload();
    await expect(page.getByText("3 requests in the last 7 days, by day (UTC).")).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await page.getByRole("link", { name: "7 days, hourly" }).click();
  await expect(page.getByText("3 requests in the last 7 days, by hour (UTC).")).toBeVisible();
  await shot(page, "key-usage");
});

test("the list searches by name ignoring case and filters by preset and by a held permission", async ({ page }) => {
  const tag = `flt${Date.now()}`;
  await createKeyInUi(page, { name: `${tag} Reader`, preset: "Read" });
  await createKeyInUi(page, { name: `${tag} Writer`, preset: "Write" });
  await page.goto(`/settings/api?q=${tag.toUpperCase()}`);
  const table = page.getByTestId("keys-table");
  await expect(table.getByRole("link", { name: new RegExp(tag) })).toHaveCount(2);
  await page.getByLabel("Holds permission").selectOption("articles:write");
  await expect(page).toHaveURL(/holds=articles%3Awrite/);
  await expect(table.getByRole("link", { name: `${tag} Writer`, exact: true })).toBeVisible();
  await expect(table.getByRole("link", { name: `${tag} Reader`, exact: true })).toHaveCount(0);
  await page.getByLabel("Holds permission").selectOption("");
  await expect(page).not.toHaveURL(/holds=/);
  await page.getByLabel("Preset").selectOption("read");
  await expect(page).toHaveURL(/perm=read/);
  await expect(table.getByRole("link", { name: `${tag} Reader`, exact: true })).toBeVisible();
  await expect(table.getByRole("link", { name: `${tag} Writer`, exact: true })).toHaveCount(0);
});
