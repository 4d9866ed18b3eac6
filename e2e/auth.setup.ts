// The setup project: signs each seeded user in once for the run and saves the browser's state, so
// the specs that only need a session start signed in (`test.use({ storageState: signedIn(...) })`)
// instead of filling the login form in every test.
import { fixture, signedIn, signIn, SIGNED_IN_USERS, test } from "./fixtures";

for (const user of SIGNED_IN_USERS) {
  test(`sign in as ${user}`, async ({ page }) => {
    await signIn(page, fixture()[user]);
    await page.context().storageState({ path: signedIn(user) });
  });
}
