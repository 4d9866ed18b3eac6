import { expect, fixture, shot, signedIn, signIn, test } from "../fixtures";

const sessionCookie = (cookies: { name: string }[]) => cookies.find((c) => c.name.includes("session-token"));

test("owner signs in and sees the API settings with the organization in the header", async ({ page }) => {
  const { owner, orgs } = fixture();
  await page.goto("/login");
  await shot(page, "login");
  await signIn(page, owner);
  await expect(page).toHaveURL(/\/settings\/api$/);
  await expect(page.getByRole("heading", { name: "API", exact: true })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "API settings" }).getByRole("link")).toHaveText(["Keys", "Partners", "Webhooks", "History", "Settings"]);
  await expect(page.getByTestId("current-org")).toHaveText(orgs.main.name);
  await expect(page.getByTestId("user-email")).toHaveText(owner.email);
  await expect(page.getByRole("button", { name: "Create API key" }).first()).toBeVisible();
});

test.describe("signed in as the owner of an organization without keys", () => {
  test.use({ storageState: signedIn("freshOwner") });

  test("an organization without keys says so and offers to create one", async ({ page }) => {
    await page.goto("/settings/api");
    await expect(page.getByText("No API keys yet")).toBeVisible();
    await expect(page.getByText("This organization has no API keys.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Create API key" })).toBeVisible();
    await shot(page, "keys-empty");
  });
});

test("admin signs in and sees the API settings", async ({ page }) => {
  const { admin } = fixture();
  await signIn(page, admin);
  await expect(page).toHaveURL(/\/settings\/api$/);
  await expect(page.getByRole("heading", { name: "API keys", exact: true })).toBeVisible();
});

test("agent gets a real 403 page that names the owners", async ({ page }) => {
  const { agent, owner, orgs } = fixture();
  await signIn(page, agent);
  await expect(page).toHaveURL(/\/approvals$/); // agents land on the desk, not on the key area
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API" })).toHaveCount(0);
  const res = await page.goto("/settings/api");
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You don’t have access to this page" })).toBeVisible();
  await expect(page.getByText(`API and team settings in ${orgs.main.name} are for owners and admins`)).toBeVisible();
  await expect(page.getByRole("link", { name: owner.email })).toBeVisible();
  // nothing of the key area leaks
  await expect(page.getByRole("navigation", { name: "API settings" })).toHaveCount(0);
  await expect(page.getByText("Create API key")).toHaveCount(0);
  for (const sub of ["/settings/api/history", "/settings/api/settings", "/settings/api/partners"]) {
    const r = await page.goto(sub);
    expect(r?.status(), sub).toBe(403);
  }
  await shot(page, "forbidden-agent");
});

test("a signed-out visitor is sent to /login and returned to the page after sign-in", async ({ page }) => {
  const { owner } = fixture();
  await page.goto("/settings/api/history?page=1");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fsettings%2Fapi%2Fhistory%3Fpage%3D1$/);
  await signIn(page, owner);
  await expect(page).toHaveURL(/\/settings\/api\/history\?page=1$/);
  await expect(page.getByRole("heading", { name: "History" })).toBeVisible();
});

test("an absolute callbackUrl is ignored (no open redirect)", async ({ page }) => {
  const { owner } = fixture();
  await page.goto("/login?callbackUrl=https%3A%2F%2Fevil.example%2F");
  await signIn(page, owner);
  await expect(page).toHaveURL(/localhost:3100\/settings\/api$/);
});

test("/api/* is never redirected to the login page", async ({ request }) => {
  const res = await request.get("/api/v1/keys", { maxRedirects: 0 });
  expect(res.status()).not.toBe(307);
  expect(res.status()).not.toBe(302);
  expect(res.headers()["location"]).toBeUndefined();
});

test("wrong password and unknown email show one message and set no session cookie", async ({ page, context }) => {
  const { owner } = fixture();
  await signIn(page, { email: owner.email, password: "not-the-password-at-all" }, { expectFailure: true });
  await expect(page.getByRole("alert", { name: "Sign-in error" })).toHaveText("Invalid email or password");
  expect(sessionCookie(await context.cookies())).toBeUndefined();
  await shot(page, "login-error");
  await page.getByLabel("Email").fill(`nobody-${Date.now()}@e2e.keydesk.test`);
  await page.getByLabel("Password").fill("whatever-password-123");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert", { name: "Sign-in error" })).toHaveText("Invalid email or password");
  expect(sessionCookie(await context.cookies())).toBeUndefined();
  await expect(page).toHaveURL(/\/login/);
});

test("sign-in attempts are limited to 10 a minute per email", async ({ page, context }) => {
  const email = `limited-${Date.now()}@e2e.keydesk.test`;
  await page.goto("/login");
  for (let i = 0; i < 10; i++) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(`wrong-password-${i}`);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByRole("alert", { name: "Sign-in error" })).toHaveText("Invalid email or password");
    await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeEnabled();
  }
  // a fresh IP: the email's own limit applies
  await context.setExtraHTTPHeaders({ "x-forwarded-for": "10.250.250.250" });
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("wrong-password-11");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert", { name: "Sign-in error" })).toHaveText(/Too many sign-in attempts\. Try again in \d+ seconds?\./);
  await shot(page, "login-rate-limited");
});

// signs in a session of its own: signing out ends it, and the shared admin session must live on
test("sign out ends the session", async ({ page, context }) => {
  const { admin } = fixture();
  await signIn(page, admin);
  await expect(page).toHaveURL(/\/settings\/api$/);
  expect(sessionCookie(await context.cookies())).toBeDefined();
  await page.getByRole("button", { name: `Account: ${admin.email}` }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  expect(sessionCookie(await context.cookies())).toBeUndefined();
  await page.goto("/settings/api");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fsettings%2Fapi$/);
});

test.describe("signed in as the owner", () => {
  test.use({ storageState: signedIn("owner") });

  // the current organization is a cookie of this browser context: the shared session is untouched
  test("the organization switcher changes the current organization", async ({ page }) => {
    const { orgs } = fixture();
    await page.goto("/settings/api");
    await expect(page.getByTestId("current-org")).toHaveText(orgs.main.name);
    await page.getByRole("button", { name: /Switch organization/ }).click();
    await shot(page, "org-switcher");
    await page.getByRole("menuitem", { name: new RegExp(orgs.second.name) }).click();
    await expect(page.getByTestId("current-org")).toHaveText(orgs.second.name);
    await page.reload();
    await expect(page.getByTestId("current-org")).toHaveText(orgs.second.name);
  });
});

test.describe("signed in as an admin", () => {
  test.use({ storageState: signedIn("admin") });

  test("history lists the organization's audit events", async ({ page }) => {
    await page.goto("/settings/api");
    await page.getByRole("link", { name: "History" }).click();
    await expect(page).toHaveURL(/\/settings\/api\/history$/);
    await expect(page.getByRole("heading", { name: "History" })).toBeVisible();
    await shot(page, "history");
    for (const [link, heading] of [["Partners", "Partners"], ["Webhooks", "Webhooks"], ["Settings", "API settings"]] as const) {
      await page.getByRole("navigation", { name: "API settings" }).getByRole("link", { name: link }).click();
      await expect(page.getByRole("heading", { name: heading, exact: true })).toBeVisible();
    }
    await shot(page, "settings");
  });
});
