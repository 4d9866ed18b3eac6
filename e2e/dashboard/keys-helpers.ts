import type { APIRequestContext, Page } from "@playwright/test";
import { expect } from "../fixtures";

export const KEY_PATTERN = /^kd_[0-9A-Za-z]{38}$/;

/** Creates a key through the dialog (preset or default) and returns its secret; leaves the dialog closed. */
export async function createKeyInUi(page: Page, opts: { name?: string; preset?: "Read" | "Write" | "Admin" } = {}) {
  await page.goto("/settings/api");
  await page.getByRole("button", { name: "Create API key" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Create API key" });
  if (opts.name !== undefined) await dialog.getByLabel("Name").fill(opts.name);
  if (opts.preset) await dialog.getByRole("radio", { name: opts.preset }).check();
  await dialog.getByRole("button", { name: "Create key" }).click();
  const created = page.getByRole("dialog", { name: "API key created" });
  const secret = (await created.getByTestId("new-secret").textContent())!.trim();
  expect(secret).toMatch(KEY_PATTERN);
  await created.getByRole("button", { name: "Done" }).click();
  await expect(created).toHaveCount(0);
  return secret;
}

export async function openKey(page: Page, name: string) {
  await page.goto(`/settings/api?q=${encodeURIComponent(name)}`);
  await page.getByRole("link", { name, exact: true }).click();
  await expect(page.getByTestId("key-name")).toHaveText(name);
}

export async function me(request: APIRequestContext, key: string) {
  return request.get("/api/v1/me", { headers: { Authorization: `Bearer ${key}` } });
}
