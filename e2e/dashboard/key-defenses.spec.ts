// Keys that defend themselves, clicked through as an admin would: pause and resume, an IP allowlist,
// a decoy key, and the leaked-key banner with its "Rotate now".
import { expect, shot, signedIn, test } from "../fixtures";
import { createKeyInUi, KEY_PATTERN, me, openKey } from "./keys-helpers";

const uniq = (p: string) => `${p} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

test.use({ storageState: signedIn("owner") });

test("pause refuses the key with disabled_api_key until resumed", async ({ page, request }) => {
  const name = uniq("Pausable");
  const secret = await createKeyInUi(page, { name });
  await openKey(page, name);
  await page.getByRole("button", { name: "Pause this key" }).click();
  await expect(page.getByText("This key is paused")).toBeVisible();
  await expect(page.getByText("Paused", { exact: true }).first()).toBeVisible();
  const paused = await me(request, secret);
  expect(paused.status()).toBe(401);
  expect((await paused.json()).code).toBe("disabled_api_key");
  await shot(page, "key-paused");
  await page.getByRole("button", { name: "Resume this key" }).click();
  await expect(page.getByText("This key is paused")).toHaveCount(0);
  expect((await me(request, secret)).status()).toBe(200);
});

test("an IP allowlist refuses other addresses with ip_not_allowed, naming the address seen", async ({ page, request }) => {
  await page.goto("/settings/api");
  await page.getByRole("button", { name: "Create API key" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Create API key" });
  const name = uniq("Allowlisted");
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Allowed IP addresses").fill("not-an-ip");
  await dialog.getByRole("button", { name: "Create key" }).click();
  await expect(dialog.locator("#key-allowed-ips-error")).toHaveText("Not an IP address or CIDR range: not-an-ip");
  await dialog.getByLabel("Allowed IP addresses").fill("192.0.2.0/24\n2001:db8::1");
  await dialog.getByRole("button", { name: "Create key" }).click();
  const created = page.getByRole("dialog", { name: "API key created" });
  const secret = (await created.getByTestId("new-secret").textContent())!.trim();
  expect(secret).toMatch(KEY_PATTERN);
  await created.getByRole("button", { name: "Done" }).click();

  const refused = await me(request, secret);
  expect(refused.status()).toBe(403);
  const body = await refused.json();
  expect(body.code).toBe("ip_not_allowed");
  expect(body.ip).toBeTruthy();

  await openKey(page, name);
  await expect(page.getByText("192.0.2.0/24, 2001:db8::1")).toBeVisible();
  await page.getByRole("button", { name: "Edit" }).click();
  const edit = page.getByRole("dialog", { name: /Edit/ });
  await edit.getByLabel("Allowed IP addresses").fill(`192.0.2.0/24\n${body.ip}`);
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit).toHaveCount(0);
  expect((await me(request, secret)).status()).toBe(200);
});

test("a decoy key is listed apart, refused as an unknown key, and its use is in the key's history", async ({ page, request }) => {
  await page.goto("/settings/api?status=decoys");
  await page.getByRole("button", { name: "Create decoy key" }).click();
  const dialog = page.getByRole("dialog", { name: "Create decoy key" });
  const name = uniq("Decoy");
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Create key" }).click();
  const created = page.getByRole("dialog", { name: "Decoy key created" });
  const secret = (await created.getByTestId("new-secret").textContent())!.trim();
  expect(secret).toMatch(KEY_PATTERN);
  await created.getByRole("button", { name: "Done" }).click();

  const used = await me(request, secret);
  const unknown = await me(request, `kd_${"A".repeat(38)}`);
  expect(used.status()).toBe(401);
  expect(await used.json()).toEqual(await unknown.json());

  await expect(page.getByTestId("keys-table")).toContainText(name);
  await page.goto("/settings/api");
  await expect(page.getByRole("link", { name, exact: true })).toHaveCount(0); // not among the active keys
  await page.goto("/settings/api?status=decoys");
  await page.getByRole("link", { name, exact: true }).click();
  await expect(page.getByText("This is a decoy key")).toBeVisible();
  await expect(async () => {
    await page.reload();
    await expect(page.getByText(/canary_used|Decoy key used/).first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await shot(page, "key-decoy");
});

test("a key reported as leaked shows a Leaked badge and a banner with Rotate now", async ({ page, request }) => {
  const name = uniq("Leaky");
  const secret = await createKeyInUi(page, { name });
  const report = await request.post("/api/v1/leaked-keys", { data: { key: secret, url: "https://paste.example/leak" } });
  expect(report.status()).toBe(202);
  await expect.poll(async () => (await (await me(request, secret)).json()).code).toBe("leaked_api_key");
  await openKey(page, name);
  const banner = page.getByRole("alert", { name: "Leaked key" });
  await expect(banner).toContainText("found in public");
  await expect(banner).toContainText("https://paste.example/leak");
  await expect(page.getByText("Leaked", { exact: true }).first()).toBeVisible();
  await shot(page, "key-leaked");
  await banner.getByRole("button", { name: "Rotate now" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
});
