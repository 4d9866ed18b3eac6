// The team and account screens, clicked through by an owner of an organization of its own (its
// members and passwords change, so the shared signed-in sessions must not be touched): invite →
// accept → change role → remove, all in the history; password change ends the other session;
// "forgot password" through the captured email.
import type { Browser } from "@playwright/test";
import { expect, shot, signIn, signedOut, test } from "../fixtures";
import { onlyLink, waitForMessages } from "../mail";

test.use({ storageState: signedOut });

async function ownOrg() {
  const { createOrg } = await import("../../lib/orgs/create-org");
  const { createUser } = await import("../../lib/users/create-user");
  const { systemActor } = await import("../../lib/audit/actor");
  const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const org = await createOrg({ slug: `team-${tag}`, name: `Team ${tag}`, plan: "professional" }, systemActor("e2e"));
  const owner = { email: `team-owner-${tag}@e2e.keydesk.test`, password: "team-owner-password-1" };
  await createUser({ ...owner, role: "owner", organizationId: org.id }, systemActor("e2e"));
  return { org, owner, tag };
}

async function freshPage(browser: Browser) {
  const ctx = await browser.newContext({ baseURL: test.info().project.use.baseURL, storageState: signedOut, extraHTTPHeaders: { "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250)}` } });
  return ctx.newPage();
}

test("team: invite by email → accept → change role → remove, each audited in words", async ({ page, browser }) => {
  const { org, owner, tag } = await ownOrg();
  await signIn(page, owner);
  await page.goto("/settings/team");
  await expect(page.getByRole("heading", { name: "Team" })).toBeVisible();
  await expect(page.getByTestId("members-table")).toContainText(owner.email);
  await expect(page.getByText("No open invitations")).toBeVisible();

  // invite: the dialog checks the address, then sends
  const email = `teammate-${tag}@e2e.keydesk.test`;
  await page.getByRole("button", { name: "Invite member" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite member" });
  await dialog.getByLabel("Email").fill("not-an-email");
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await expect(dialog.locator("#field-email-error")).not.toBeEmpty();
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByRole("radio", { name: "Admin" }).check();
  await shot(page, "team-invite-dialog");
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Invitation sent to ${email}.`).first()).toBeVisible();
  await expect(page.getByTestId("invitations-table")).toContainText(email);

  // resend: a new link, the old one stops working
  const [first] = await waitForMessages(email, 1);
  await page.getByRole("button", { name: `Resend the invitation of ${email}` }).click();
  await expect(page.getByText(`A new link went to ${email}`).first()).toBeVisible();
  const mails = await waitForMessages(email, 2);
  const oldLink = onlyLink(first!, "invite");
  const link = onlyLink(mails[1]!, "invite");
  expect(link).not.toBe(oldLink);
  await shot(page, "team-screen");

  // the invitee, in a browser of their own: the old link is dead, the new one joins
  const invitee = await freshPage(browser);
  await invitee.goto(oldLink);
  await expect(invitee.getByRole("heading", { name: "This invitation link does not work" })).toBeVisible();
  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { name: `Join ${org.name}` })).toBeVisible();
  await expect(invitee.getByTestId("invite-role")).toContainText("Admin");
  await invitee.getByLabel("Your name").fill("Tess Teammate");
  await invitee.getByLabel(/Choose a password/).fill("teammate-password-12");
  await invitee.getByRole("button", { name: "Set password and join" }).click();
  await invitee.waitForURL((u) => !u.pathname.startsWith("/invite"));
  await invitee.context().close();

  // the owner sees the new member, changes the role, then removes them
  await page.reload();
  const row = page.getByTestId("members-table").getByRole("row").filter({ hasText: email });
  await expect(row).toContainText("Admin");
  await page.getByRole("button", { name: `Change role of ${email}` }).click();
  const change = page.getByRole("dialog", { name: "Change role" });
  await change.getByRole("radio", { name: "Agent" }).check();
  await change.getByRole("button", { name: "Change role" }).click();
  await expect(change).toBeHidden();
  await expect(row).toContainText("Agent");
  await page.getByRole("button", { name: `Remove ${email}` }).click();
  const remove = page.getByRole("dialog", { name: "Remove member" });
  await expect(remove).toContainText(`loses access to ${org.name}`);
  await remove.getByRole("button", { name: "Remove member" }).click();
  await expect(remove).toBeHidden();
  await expect(page.getByTestId("members-table")).not.toContainText(email);
  // the owner cannot be removed by themselves from here: no actions on their own row
  await expect(page.getByRole("button", { name: `Remove ${owner.email}` })).toHaveCount(0);

  // every step is in the history, in words
  await page.goto("/settings/api/history");
  const table = page.getByTestId("audit-table");
  for (const label of ["Invited member", "Resent invitation", "Member joined", "Changed member role", "Removed member"]) await expect(table).toContainText(label);
  await expect(table).toContainText("Role: admin → agent");
  await shot(page, "history-team-events");
});

test("account: change password (the other session ends), then reset it by email", async ({ page, browser }) => {
  const { owner } = await ownOrg();
  await signIn(page, owner);
  const other = await freshPage(browser);
  await signIn(other, owner);

  await page.goto("/profile");
  await expect(page.getByTestId("sessions").getByRole("listitem")).toHaveCount(2);
  await expect(page.getByText("This session")).toBeVisible();
  await expect(page.getByText("No desk tokens yet")).toBeVisible();
  await page.getByLabel("Current password").fill("not-my-password-123");
  await page.getByLabel("New password", { exact: true }).fill("the-second-password-2");
  await page.getByLabel("New password again").fill("the-second-password-2");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("#field-current-error")).toHaveText("That is not your current password.");
  await page.getByLabel("Current password").fill(owner.password);
  await page.getByLabel("New password", { exact: true }).fill("the-second-password-2");
  await page.getByLabel("New password again").fill("the-second-password-2");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Password changed. 1 other session was signed out.")).toBeVisible();
  await shot(page, "profile-password-changed");

  // the other browser is signed out at its next page
  await other.goto("/profile");
  await other.waitForURL(/\/login/);
  await expect(other.getByText("Your session ended")).toBeVisible();
  await other.context().close();

  // forgot password: a mail with a one-time link; the answer is the same for unknown addresses
  const anon = await freshPage(browser);
  await anon.goto("/login");
  await anon.getByRole("link", { name: "Forgot password?" }).click();
  await expect(anon.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  await anon.getByLabel("Email").fill(`nobody-${Date.now()}@e2e.keydesk.test`);
  await anon.getByRole("button", { name: "Email me a link" }).click();
  const unknownAnswer = (await anon.getByTestId("reset-requested").textContent())!.replace(/If \S+ has/, "If X has");
  await anon.goto("/forgot-password");
  await expect(anon.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  await anon.getByLabel("Email").fill(owner.email);
  await anon.getByRole("button", { name: "Email me a link" }).click();
  expect((await anon.getByTestId("reset-requested").textContent())!.replace(/If \S+ has/, "If X has")).toBe(unknownAnswer);
  const [mail] = await waitForMessages(owner.email, 1);
  expect(mail).toContain("Subject: Reset your Keydesk password");
  const link = new URL(mail!.match(/https?:\/\/[^\s"<>]+\/reset-password\/[\w-]+/)![0]).pathname;
  await anon.goto(link);
  await anon.getByLabel("New password", { exact: true }).fill("the-third-password-3");
  await anon.getByLabel("New password again").fill("not-the-same-password");
  await anon.getByRole("button", { name: "Set new password" }).click();
  await expect(anon.locator("#field-confirm-error")).toHaveText("The two passwords differ");
  await anon.getByLabel("New password", { exact: true }).fill("the-third-password-3");
  await anon.getByLabel("New password again").fill("the-third-password-3");
  await anon.getByRole("button", { name: "Set new password" }).click();
  await anon.waitForURL(/\/login\?reset=1/);
  await expect(anon.getByText("Your password was changed.")).toBeVisible();
  await signIn(anon, { email: owner.email, password: "the-third-password-3" });
  // once only
  await anon.goto(link);
  await expect(anon.getByRole("heading", { name: "This link does not work" })).toBeVisible();
  await anon.context().close();

  // the first browser's session ended with the reset too
  await page.goto("/profile");
  await page.waitForURL(/\/login/);
});
