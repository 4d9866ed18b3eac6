// Approvals through the three ways in, as people and programs meet them on the running server.
import { expect, fixture, shot, signedIn, signedOut, signIn, test } from "../fixtures";
import { makeApiKey } from "../keys";

// signs the page in itself: with a stored session, the `request` client (the program with a key)
// would carry the agent's session cookie too, and a session comes first on /api/v2
test("a request created by API key is decided by an agent in the browser", async ({ page, request }) => {
  const { agent, orgs } = fixture();
  const { secret } = await makeApiKey(orgs.main.id, { scopes: ["write"] });
  const auth = { Authorization: `Bearer ${secret}` };
  const title = `Refund ${Date.now()}`;
  const created = await request.post("/api/v2/approvals/CreateApproval", { headers: auth, data: { title, requester_email: "customer@example.com" } });
  expect(created.status()).toBe(201);
  const { id } = await created.json();

  await signIn(page, agent);
  await page.goto("/approvals");
  await expect(page.getByText(title, { exact: true })).toBeVisible();
  await shot(page, "approvals");
  // Approve asks first (a decision is final); Cancel steps back, nothing decided
  await page.getByRole("button", { name: `Reject ${title}` }).click();
  await expect(page.getByText(`Reject “${title}”? This is final.`)).toBeVisible();
  await page.getByRole("button", { name: "Cancel" }).click();
  await page.getByLabel(`Comment on ${title}`).fill("Within policy");
  await page.getByRole("button", { name: `Approve ${title}` }).click();
  await page.getByRole("button", { name: `Confirm: approve ${title}` }).click();
  await expect(page.getByText(title, { exact: true })).toBeHidden();
  // the Decided tab shows it, with who decided and the comment
  await page.getByRole("link", { name: "Decided" }).click();
  const decided = page.getByTestId("decided-approvals").getByRole("listitem").filter({ hasText: title });
  await expect(decided).toContainText("Approved");
  await expect(decided).toContainText(`By ${agent.email}`);
  await expect(decided).toContainText("Within policy");
  await shot(page, "approvals-decided");

  const pending = await (await request.get("/api/v2/approvals/GetApprovalNotComplete?per_page=100", { headers: auth })).json();
  expect(pending.data.map((a: { id: string }) => a.id)).not.toContain(id);
  const again = await request.post("/api/v2/approvals/UpdateApprovalStatus", { headers: auth, data: { id, status: "rejected" } });
  expect(again.status()).toBe(409);
  expect(await again.json()).toMatchObject({ code: "conflict", current_status: "approved" });
});

test.describe("signed in as an admin", () => {
  test.use({ storageState: signedIn("admin") });

  test("the session cookie works same-origin and is refused cross-origin", async ({ page, baseURL }) => {
    const ok = await page.request.post("/api/v2/approvals/CreateApproval", { headers: { Origin: new URL(baseURL!).origin }, data: { title: "From my session" } });
    expect(ok.status()).toBe(201);
    expect((await ok.json()).title).toBe("From my session");
    const foreign = await page.request.post("/api/v2/approvals/CreateApproval", { headers: { Origin: "https://evil.example" }, data: { title: "csrf" } });
    expect(foreign.status()).toBe(403);
    expect((await foreign.json()).code).toBe("forbidden");
  });

  test("a desk token minted on the profile page acts as its user until revoked", async ({ page, playwright, baseURL }) => {
    const { admin } = fixture();
    // a name of its own: the same spec may run at once against the other server mode, as the same user
    const name = `release script ${Date.now().toString(36)}`;
    await page.goto("/profile");
    await page.getByLabel("Name").fill(name);
    await page.getByRole("button", { name: "Create desk token" }).click();
    const token = (await page.getByTestId("desk-token").textContent())!.trim();
    expect(token).toMatch(/^kdt_/);
    await shot(page, "profile-desk-tokens");

    const api = await playwright.request.newContext({ baseURL, storageState: signedOut }); // no cookies: a script
    const headers = { Authorization: `DeskToken ${token}` };
    const created = await api.post("/api/v2/approvals/CreateApproval", { headers, data: { title: "By desk token" } });
    expect(created.status()).toBe(201);
    const decided = await api.post("/api/v2/approvals/UpdateApprovalStatus", { headers, data: { id: (await created.json()).id, status: "approved" } });
    expect((await decided.json()).decided_by).toBe(admin.email);

    await page.reload();
    await page.getByRole("button", { name: `Revoke ${name}` }).click();
    await expect(page.getByRole("cell", { name: "Revoked" }).first()).toBeVisible();
    expect((await api.get("/api/v2/approvals/GetApprovalNotComplete", { headers })).status()).toBe(401);
    await api.dispose();
  });
});
