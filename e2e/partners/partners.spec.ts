// Partners end to end: an admin adds a partner in the browser, a real SMTP server captures the
// email (a link, never the key), the partner claims the key once in a browser of its own and uses
// it; resend voids the earlier link; deleting the partner kills its keys, restoring revives them.
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { expect, fixture, randomIp, shot, signedIn, signedOut, test, type SignedInUser } from "../fixtures";
import { onlyLink, waitForMessages } from "../mail";

const KEY_IN_TEXT = /kd_[0-9A-Za-z]{38}/;
const READ_PERMISSIONS = ["articles:read", "categories:read", "approvals:read"];

test.use({ storageState: signedIn("owner") });

const unique = (label: string) => `${label}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

async function addPartner(page: Page, p: { name: string; email: string; level: "Read" | "Approvals" | "Read & Write" }) {
  await page.goto("/settings/api/partners");
  await page.getByRole("button", { name: "Add partner" }).click();
  const dialog = page.getByRole("dialog", { name: "Add partner" });
  await dialog.getByLabel("Partner name").fill(p.name);
  await dialog.getByLabel("Contact email").fill(p.email);
  await dialog.getByRole("radio", { name: p.level, exact: true }).check();
  return dialog;
}

/** Opens a claim link in a browser context of its own (no session) and presses the button. */
async function claim(browser: Browser, link: string, screenshot?: string): Promise<{ key: string; page: Page }> {
  const ctx = await browser.newContext({ storageState: signedOut, baseURL: test.info().project.use.baseURL, extraHTTPHeaders: { "x-forwarded-for": randomIp() } });
  const page = await ctx.newPage();
  const res = await page.goto(link);
  expect(res?.headers()["cache-control"] ?? "").toMatch(/no-store/);
  await page.getByRole("button", { name: "Show my API key" }).click();
  const shown = page.getByTestId("claimed-key");
  await expect(shown).toHaveText(KEY_IN_TEXT);
  if (screenshot) await shot(page, screenshot);
  return { key: (await shown.textContent())!.trim(), page };
}

async function deadLinkShown(browser: Browser, link: string) {
  const ctx = await browser.newContext({ storageState: signedOut, baseURL: test.info().project.use.baseURL });
  const page = await ctx.newPage();
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This link does not work" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Show my API key" })).toHaveCount(0);
  await ctx.close();
}

const me = (request: APIRequestContext, key: string) => request.get("/api/v1/me", { headers: { Authorization: `Bearer ${key}` } });

test("add a partner → email with one link and no key → claim once → key works within Read → resend voids the old link → delete → 401 → restore → works", async ({ page, browser, request }) => {
  const { owner, orgs } = fixture();
  const name = unique("Initech");
  const email = `${name.toLowerCase()}@partners.e2e.keydesk.test`;

  // add the partner in the browser
  const dialog = await addPartner(page, { name, email, level: "Read" });
  await shot(page, "partners-add-dialog");
  await dialog.getByRole("button", { name: "Add partner and send email" }).click();
  await expect(page.getByText(`Partner added. Email sent to ${email}`).first()).toBeVisible();
  await expect(dialog).toBeHidden();
  const row = page.getByTestId("partners-table").getByRole("row").filter({ hasText: name });
  await expect(row).toContainText(email);
  await expect(row).toContainText("Read");
  await expect(row).toContainText("Invited");
  await expect(row.getByRole("cell").nth(3)).toHaveText("1");
  await shot(page, "partners-list");

  // the captured email: one claim link, no key
  const [mail1] = await waitForMessages(email, 1);
  expect(mail1).toContain(`Subject: Your ${orgs.main.name} API key is ready`);
  expect(mail1).not.toMatch(KEY_IN_TEXT);
  const link1 = onlyLink(mail1!, "claim");

  expect(mail1).toContain(`sent by ${owner.email}`);
  expect(mail1).toContain("Read articles");
  expect(mail1).toContain("Not expecting this?");

  // the partner, in a browser of its own, sees who sent the key and what it may do, then the key once
  const first = await claim(browser, link1, "partners-claimed-key");
  const key1 = first.key;
  const claimPage = first.page;
  await expect(claimPage.getByRole("heading", { name: `${orgs.main.name} sent you an API key` })).toBeVisible();
  await expect(claimPage.getByText("Keydesk", { exact: true })).toBeVisible();
  await expect(claimPage.getByTestId("claim-facts")).toContainText(`by ${owner.email}`);
  await expect(claimPage.getByTestId("claim-facts")).toContainText(`${name} (${email})`);
  await expect(claimPage.getByTestId("claim-permissions")).toContainText("Read articles");
  await expect(claimPage.getByText(/Not expecting this\?/)).toBeVisible();
  // the test command wraps inside the card (nothing cut off) and has its own copy button
  const curl = claimPage.getByTestId("claim-curl");
  await expect(curl).toContainText(key1);
  expect(await curl.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await claimPage.getByRole("button", { name: "Copy command" }).click();
  await expect(claimPage.getByRole("button", { name: "Copied" })).toBeVisible();
  await claimPage.setViewportSize({ width: 390, height: 844 });
  expect(await claimPage.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await shot(claimPage, "partners-claim-page-390");
  await first.page.context().close();

  // the key works with the partner's permissions, and a write is refused at the Read level
  const res = await me(request, key1);
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.key.partner_id).toBeTruthy();
  expect([...body.key.permissions].sort()).toEqual([...READ_PERMISSIONS].sort());
  expect(body.organization.id).toBe(orgs.main.id);
  const write = await request.post("/api/v1/articles", { headers: { Authorization: `Bearer ${key1}` }, data: { title: "Nope", body: "Read partners cannot write." } });
  expect(write.status()).toBe(403);
  expect((await write.json()).code).toBe("insufficient_permissions");

  // the link is dead on second use
  await deadLinkShown(browser, link1);

  // the partner is active now; its page lists the claimed key
  await row.getByRole("link", { name }).click();
  await expect(page.getByTestId("partner-name")).toHaveText(name);
  await expect(page.getByText("Active", { exact: true }).first()).toBeVisible();
  const keyRow = page.getByTestId("partner-key-row");
  await expect(keyRow).toHaveCount(1);
  await expect(keyRow).toContainText("Claimed");
  await expect(keyRow.getByRole("link", { name: `Manage ${name} key` })).toHaveAttribute("href", /\/settings\/api\/keys\/.+/);
  await shot(page, "partners-detail");

  // resend twice: each new link voids the one before it
  const resend = async (n: number) => {
    await keyRow.getByRole("button", { name: `Resend link for ${name} key` }).click();
    const d = page.getByRole("dialog", { name: `Resend the link for “${name} key”?` });
    await expect(d).toContainText("already claimed");
    await d.getByRole("button", { name: "Send new link" }).click();
    await expect(d).toBeHidden();
    const mails = await waitForMessages(email, n);
    expect(mails[n - 1]).not.toMatch(KEY_IN_TEXT);
    return onlyLink(mails[n - 1]!, "claim");
  };
  const link2 = await resend(2);
  await expect(page.getByText(`New link sent to ${email}`).first()).toBeVisible();
  const link3 = await resend(3);
  expect(new Set([link1, link2, link3]).size).toBe(3);
  await deadLinkShown(browser, link2);
  const third = await claim(browser, link3);
  const key3 = third.key;
  await third.page.context().close();
  expect(key3).not.toBe(key1);
  expect((await me(request, key3)).status()).toBe(200);
  // claiming a new link replaces the key's secret: the old one stops working
  expect((await me(request, key1)).status()).toBe(401);

  // delete the partner in the browser: the confirmation names it and counts its keys
  await page.reload();
  await page.getByRole("button", { name: "Delete partner" }).click();
  const del = page.getByRole("dialog", { name: `Delete “${name}”?` });
  await expect(del).toContainText("Its key stops working immediately.");
  await shot(page, "partners-delete-dialog");
  await del.getByRole("button", { name: "Delete partner and 1 key" }).click();
  await page.waitForURL(/\/settings\/api\/partners\?status=deleted/);
  await expect(page.getByRole("status").filter({ hasText: `“${name}” was deleted with its 1 key` })).toBeVisible();
  const gone = await me(request, key3);
  expect(gone.status()).toBe(401);
  expect((await gone.json()).code).toBe("invalid_api_key");
  await shot(page, "partners-recently-deleted");

  // restore from Recently deleted: the key works again
  await page.goto("/settings/api/partners?status=deleted");
  await page.getByRole("button", { name: `Restore ${name}` }).click();
  await expect(page.getByText(`Restored “${name}” and 1 key`).first()).toBeVisible();
  expect((await me(request, key3)).status()).toBe(200);
  await page.goto("/settings/api/partners");
  await expect(page.getByTestId("partners-table").getByRole("row").filter({ hasText: name })).toContainText("Active");
});

test("change level: keys beyond the new level are listed, then narrowed on confirmation", async ({ page, request }) => {
  const name = unique("Globodyne");
  const email = `${name.toLowerCase()}@partners.e2e.keydesk.test`;
  const dialog = await addPartner(page, { name, email, level: "Read & Write" });
  await dialog.getByRole("button", { name: "Add partner and send email" }).click();
  await expect(dialog).toBeHidden();
  await page.getByTestId("partners-table").getByRole("link", { name }).click();
  await expect(page.getByTestId("partner-key-row")).toContainText("Write");

  // a second key, narrower than the level: only articles:read
  await page.getByRole("button", { name: "Add key" }).click();
  const add = page.getByRole("dialog", { name: `Add a key for ${name}` });
  await add.getByLabel("Key name").fill("Reporting");
  await add.getByRole("radio", { name: "categories: none" }).check();
  await add.getByRole("radio", { name: "approvals: none" }).check();
  await add.getByRole("radio", { name: "articles: read" }).check();
  await shot(page, "partners-add-key");
  await add.getByRole("button", { name: "Add key and send link" }).click();
  await expect(add).toBeHidden();
  await expect(page.getByTestId("partner-key-row")).toHaveCount(2);
  await waitForMessages(email, 2);

  await page.getByRole("button", { name: "Change level" }).click();
  const change = page.getByRole("dialog", { name: `Change the level of ${name}` });
  await change.getByRole("radio", { name: "Read", exact: true }).check();
  await change.getByRole("button", { name: "Change level" }).click();
  const confirm = page.getByRole("dialog", { name: "Narrow 1 key?" });
  const listed = confirm.getByRole("list", { name: "Keys to narrow" });
  await expect(listed.getByRole("listitem")).toHaveCount(1);
  await expect(listed).toContainText(`${name} key`);
  await expect(listed).not.toContainText("Reporting");
  await expect(listed).toContainText("Loses articles:write, categories:write, approvals:write");
  await shot(page, "partners-narrow-confirm");
  await confirm.getByRole("button", { name: "Narrow 1 key and change level" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByText("Level changed to Read").first()).toBeVisible();
  await expect(page.getByTestId("partner-key-row").filter({ hasText: `${name} key` })).toContainText("Read");

  // the API sees the same: the first key now holds the Read level's permissions
  const { makeApiKey } = await import("../keys");
  const { secret } = await makeApiKey(fixture().orgs.main.id, { scopes: ["admin"] });
  const list = await (await request.get("/api/v1/partners?per_page=100", { headers: { Authorization: `Bearer ${secret}` } })).json();
  const partner = list.data.find((p: { name: string }) => p.name === name);
  expect(partner.level).toBe("read");

  // rename and change the contact email
  await page.getByRole("button", { name: "Edit", exact: true }).click();
  const edit = page.getByRole("dialog", { name: "Edit partner" });
  await edit.getByLabel("Partner name").fill(`${name} Ltd`);
  await edit.getByLabel("Contact email").fill(`new-${email}`);
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByTestId("partner-name")).toHaveText(`${name} Ltd`);
  await expect(page.getByText(`new-${email}`).first()).toBeVisible();
});

test("an agent gets the 403 page on the partner pages and from the partner server actions called directly", async ({ page, browser }) => {
  const name = unique("agent-attempt");
  // capture the owner's "Add partner" server action request without letting it through
  let captured: { url: string; headers: Record<string, string>; body: Buffer } | null = null;
  await page.route("**/settings/api/partners*", async (route) => {
    const req = route.request();
    if (req.method() === "POST" && req.headers()["next-action"]) {
      captured = { url: req.url(), headers: req.headers(), body: req.postDataBuffer()! };
      await route.abort();
    } else await route.continue();
  });
  const dialog = await addPartner(page, { name, email: `${name}@partners.e2e.keydesk.test`, level: "Read" });
  await dialog.getByRole("button", { name: "Add partner and send email" }).click();
  await expect.poll(() => captured).not.toBeNull();
  await page.unroute("**/settings/api/partners*");

  const agentCtx = await browser.newContext({ storageState: signedIn("agent"), baseURL: test.info().project.use.baseURL, extraHTTPHeaders: { "x-forwarded-for": randomIp() } });
  const agentPage = await agentCtx.newPage();
  for (const path of ["/settings/api/partners", "/settings/api/partners?status=deleted", "/settings/api/partners/anything"]) {
    const res = await agentPage.goto(path);
    expect(res?.status(), path).toBe(403);
    await expect(agentPage.getByText("are for owners and admins")).toBeVisible();
  }
  await shot(agentPage, "partners-agent-403");

  const { cookie: _ownerCookie, "content-length": _len, ...headers } = captured!.headers;
  const res = await agentPage.request.fetch(captured!.url, { method: "POST", headers, data: captured!.body, maxRedirects: 0 });
  expect(res.status()).toBe(403);

  // nothing was created
  await page.goto("/settings/api/partners");
  await expect(page.getByText(name)).toHaveCount(0);
  await agentCtx.close();

  // an owner opening an unknown partner (or another organization's) gets a 404
  expect((await page.goto("/settings/api/partners/no-such-partner"))?.status()).toBe(404);
  const { db } = await import("../../lib/db");
  const foreign = await db.partner.create({ data: { organizationId: fixture().orgs.second.id, name: unique("Globex partner"), email: "foreign@partners.e2e.keydesk.test", level: "read" } });
  expect((await page.goto(`/settings/api/partners/${foreign.id}`))?.status()).toBe(404);
});

test("the add dialog ties errors to its fields, and offers only the levels the plan allows", async ({ page, browser }) => {
  await page.goto("/settings/api/partners");
  await page.getByRole("button", { name: "Add partner" }).click();
  const dialog = page.getByRole("dialog", { name: "Add partner" });
  await dialog.getByLabel("Contact email").fill("not-an-email");
  await dialog.getByRole("button", { name: "Add partner and send email" }).click();
  await expect(dialog.getByLabel("Partner name")).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.locator("#partner-name-error")).toHaveText("Name cannot be empty");
  await expect(dialog.locator("#partner-email-error")).toHaveText("Enter a valid email address");
  await expect(dialog.getByLabel("Contact email")).toHaveValue("not-an-email"); // kept, not reset
  await shot(page, "partners-add-errors");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  const as = async (user: SignedInUser) => {
    const ctx = await browser.newContext({ storageState: signedIn(user), baseURL: test.info().project.use.baseURL, extraHTTPHeaders: { "x-forwarded-for": randomIp() } });
    const p = await ctx.newPage();
    await p.goto("/settings/api/partners");
    return p;
  };
  const starter = await as("starterOwner");
  await starter.getByRole("button", { name: "Add partner" }).click();
  const sd = starter.getByRole("dialog", { name: "Add partner" });
  await expect(sd.getByRole("radio", { name: "Read", exact: true })).toBeEnabled();
  await expect(sd.getByRole("radio", { name: "Approvals", exact: true })).toBeDisabled();
  await expect(sd.getByRole("radio", { name: "Read & Write", exact: true })).toBeDisabled();
  await starter.context().close();

  const free = await as("freeOwner");
  await expect(free.getByRole("button", { name: "Add partner" })).toBeDisabled();
  await expect(free.getByText("is on the free plan")).toBeVisible();
  await free.context().close();
});

test("a failed send shows on the list and the partner page with the error; Retry sends a new link and voids the old one", async ({ page, browser }) => {
  const name = unique("Umbrella");
  const email = `${name.toLowerCase()}@partners.e2e.keydesk.test`;
  const dialog = await addPartner(page, { name, email, level: "Read" });
  await dialog.getByRole("button", { name: "Add partner and send email" }).click();
  await expect(dialog).toBeHidden();
  const [mail1] = await waitForMessages(email, 1);
  const link1 = onlyLink(mail1!, "claim");

  // the SMTP server of this run never refuses: record the send as failed, as sendClaimEmail does on an error
  const { db } = await import("../../lib/db");
  const partner = await db.partner.findFirstOrThrow({ where: { name } });
  await db.claimToken.updateMany({ where: { partnerId: partner.id, usedAt: null, voidedAt: null }, data: { mailStatus: "failed", mailError: "421 4.7.0 Try again later" } });

  await page.reload();
  await expect(page.getByTestId("partners-table").getByRole("row").filter({ hasText: name })).toContainText("Email failed");
  await page.getByTestId("partners-table").getByRole("link", { name }).click();
  const alert = page.getByRole("alert", { name: "Email not sent" });
  await expect(alert).toContainText(`Sending to ${email} failed: 421 4.7.0 Try again later`);
  await expect(page.getByTestId("partner-key-row")).toContainText("Email failed");
  await shot(page, "partners-mail-failed");
  await alert.getByRole("button", { name: "Retry" }).click();
  await expect(page.getByText(`Email sent to ${email}`).first()).toBeVisible();
  const mails = await waitForMessages(email, 2);
  const link2 = onlyLink(mails[1]!, "claim");
  expect(link2).not.toBe(link1);
  await deadLinkShown(browser, link1);
  await page.reload();
  await expect(page.getByRole("alert", { name: "Email not sent" })).toHaveCount(0);
  await expect(page.getByTestId("partner-key-row")).toContainText("Link sent");
});
