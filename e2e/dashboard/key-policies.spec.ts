// Key policies clicked through by an owner of an organization of its own (a lifetime policy would
// change what other specs' dialogs offer): the policy shapes the create dialog, keys beyond it are
// badged and fixed in bulk, and a rotation can retire its old secret when it goes quiet.
import { expect, shot, signIn, test } from "../fixtures";

async function ownOrg() {
  const { createOrg } = await import("../../lib/orgs/create-org");
  const { createUser } = await import("../../lib/users/create-user");
  const { createKey } = await import("../../lib/keys/create-key");
  const { systemActor } = await import("../../lib/audit/actor");
  const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const org = await createOrg({ slug: `policy-${tag}`, name: `Policy ${tag}`, plan: "professional" }, systemActor("e2e"));
  const owner = { email: `policy-owner-${tag}@e2e.keydesk.test`, password: "policy-owner-password-1" };
  await createUser({ ...owner, role: "owner", organizationId: org.id }, systemActor("e2e"));
  const old = await createKey(org.id, { scopes: ["read"], name: `Forever ${tag}` }, systemActor("e2e"));
  return { org, owner, old };
}

test("a lifetime policy limits the create dialog, badges older keys and fixes them in bulk", async ({ page }) => {
  const { owner, old } = await ownOrg();
  await signIn(page, owner);
  await page.goto("/settings/api/settings");
  await page.getByLabel("Longest key lifetime (days)").fill("60");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.", { exact: true }).last()).toBeVisible();
  const card = page.getByRole("list", { name: "Keys beyond the policy" });
  await expect(card).toContainText(old.key.name);
  await expect(card).toContainText("never expires");
  await shot(page, "settings-policy");

  await page.goto("/settings/api");
  await expect(page.getByTestId("keys-table").getByRole("row", { name: new RegExp(old.key.name) })).toContainText("Exceeds policy");
  await page.getByRole("button", { name: "Create API key" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Create API key" });
  const expiry = dialog.getByLabel("Expires");
  await expect(expiry.locator("option")).toHaveText(["60 days (the longest allowed)", "30 days", "On a date…"]);
  await dialog.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByRole("dialog", { name: "API key created" })).toBeVisible();
  await page.getByRole("button", { name: "Done" }).click();

  await page.goto("/settings/api/settings");
  await page.getByRole("button", { name: /Set its expiry within 60 days/ }).click();
  await expect(page.getByText("1 key now expires within the policy.").last()).toBeVisible();
  await expect(page.getByRole("list", { name: "Keys beyond the policy" })).toHaveCount(0);
});

test("rotation can retire the old secret once it goes quiet, and the key page says so", async ({ page }) => {
  const { owner, old } = await ownOrg();
  await signIn(page, owner);
  await page.goto(`/settings/api/keys/${old.key.id}`);
  await page.getByRole("button", { name: "Rotate", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Rotate API key" });
  await dialog.getByRole("radio", { name: /When it goes quiet/ }).check();
  const password = dialog.getByLabel("Confirm your password");
  if (await password.isVisible()) await password.fill(owner.password);
  await dialog.getByRole("button", { name: "Create new secret" }).click();
  await expect(page.getByRole("dialog", { name: "New secret created" })).toBeVisible();
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("retire-when-idle")).toContainText("retires after 24 h without traffic");
  await shot(page, "key-retire-when-idle");
});
