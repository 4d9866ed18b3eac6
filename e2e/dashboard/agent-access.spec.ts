// Agents never reach the key area: not its pages, and not its server actions called directly
// (replaying the exact request an owner's browser would send, with the agent's session).
import { expect, randomIp, signedIn, test } from "../fixtures";

test.use({ storageState: signedIn("owner") });

test("an agent gets 403 from every key page and from the server actions called directly", async ({ page, browser }) => {
  await page.goto("/settings/api");
  const name = `agent-attempt-${Date.now().toString(36)}`;

  // capture the owner's "create key" server action request without letting it through
  let captured: { url: string; headers: Record<string, string>; body: Buffer } | null = null;
  await page.route("**/settings/api*", async (route) => {
    const req = route.request();
    if (req.method() === "POST" && req.headers()["next-action"]) {
      captured = { url: req.url(), headers: req.headers(), body: req.postDataBuffer()! };
      await route.abort();
    } else await route.continue();
  });
  await page.getByRole("button", { name: "Create API key" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Create API key" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Create key" }).click();
  await expect.poll(() => captured).not.toBeNull();
  await page.unroute("**/settings/api*");

  // a key of the organization, to try its detail page
  await page.goto("/settings/api/history");
  const agentCtx = await browser.newContext({ storageState: signedIn("agent"), extraHTTPHeaders: { "x-forwarded-for": randomIp() } });
  const agentPage = await agentCtx.newPage();
  for (const path of ["/settings/api", "/settings/api/keys/anything", "/settings/api/history", "/settings/api/settings", "/settings/api/webhooks", "/settings/team"]) {
    const res = await agentPage.goto(path);
    expect(res?.status(), path).toBe(403);
    await expect(agentPage.getByText("are for owners and admins")).toBeVisible();
  }

  const { cookie: _ownerCookie, "content-length": _len, ...headers } = captured!.headers;
  const res = await agentPage.request.fetch(captured!.url, { method: "POST", headers, data: captured!.body, maxRedirects: 0 });
  expect(res.status()).toBe(403);
  expect(await res.text()).not.toContain("kd_");

  // nothing was created
  await page.goto(`/settings/api?q=${encodeURIComponent(name)}`);
  await expect(page.getByText("No keys match")).toBeVisible();
  await agentCtx.close();
});
