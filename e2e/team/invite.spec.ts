// A team invitation sent by the API, captured by a real SMTP server, completed in the browser.
import { expect, fixture, test } from "../fixtures";
import { makeApiKey } from "../keys";
import { onlyLink, waitForMessages } from "../mail";

test("invite by API → email with one link → set password in the browser → signed in as a member", async ({ request, browser }) => {
  const { orgs } = fixture();
  const { secret } = await makeApiKey(orgs.main.id, { scopes: ["admin"] });
  const email = `invitee-${Date.now()}@e2e.keydesk.test`;
  const res = await request.post("/api/v1/team/invitations", { headers: { Authorization: `Bearer ${secret}` }, data: { email, role: "admin" } });
  expect(res.status()).toBe(201);
  expect((await res.json()).delivery).toBe("smtp");
  const [mail] = await waitForMessages(email, 1);
  expect(mail).toContain(`Subject: You are invited to ${orgs.main.name} on Keydesk`);
  const link = onlyLink(mail!, "invite");

  const context = await browser.newContext({ baseURL: "http://localhost:3100" });
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByRole("heading", { name: `Join ${orgs.main.name}` })).toBeVisible();
  await page.getByLabel("Your name").fill("Ivy Invitee");
  await page.getByLabel(/Choose a password/).fill("a-very-long-password-9");
  await page.getByRole("button", { name: "Set password and join" }).click();
  await page.waitForURL(/\/settings\/api/);
  await expect(page.getByTestId("user-email")).toHaveText(email);
  // the link works once
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This invitation link does not work" })).toBeVisible();
  const team = await (await request.get("/api/v1/team", { headers: { Authorization: `Bearer ${secret}` } })).json();
  expect(team.data).toContainEqual(expect.objectContaining({ email, role: "admin", name: "Ivy Invitee" }));
  await context.close();
});
