// Seeds the e2e database (made and migrated in playwright.config.ts): organizations on each plan and
// users of each role, with random emails, written to fixture.json for the specs (e2e/fixtures.ts).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const E2E_PASSWORD = "correct-horse-battery-staple-42";

export default async function globalSetup() {
  const dir = process.env.KEYDESK_E2E_DIR;
  if (!dir) throw new Error("KEYDESK_E2E_DIR is not set: playwright.config.ts prepares it");
  // lib/db reads DATABASE_URL when first imported: import after the config has set it
  const { db } = await import("../lib/db");
  const { hashPassword } = await import("../lib/users/password");
  const run = crypto.randomBytes(4).toString("hex");
  const passwordHash = await hashPassword(E2E_PASSWORD);

  const org = async (slug: string, name: string, plan: "free" | "starter" | "professional") =>
    db.organization.create({ data: { slug: `${slug}-${run}`, name, plan } });
  const user = async (label: string, name: string, memberships: { organizationId: string; role: "owner" | "admin" | "agent" }[]) => {
    const u = await db.user.create({ data: { email: `${label}-${run}@e2e.keydesk.test`, name, passwordHash } });
    for (const m of memberships) await db.membership.create({ data: { userId: u.id, ...m } });
    return { id: u.id, email: u.email, name, password: E2E_PASSWORD };
  };

  const main = await org("acme", "Acme Support", "professional");
  const second = await org("globex", "Globex Help", "professional");
  const starter = await org("starter", "Starter Co", "starter");
  const free = await org("free", "Free Co", "free");
  const fresh = await org("fresh", "Fresh Co", "professional");

  const fixture = {
    run,
    orgs: { main, second, starter, free, fresh },
    owner: await user("owner", "Olivia Owner", [{ organizationId: main.id, role: "owner" }, { organizationId: second.id, role: "admin" }]),
    admin: await user("admin", "Adam Admin", [{ organizationId: main.id, role: "admin" }]),
    agent: await user("agent", "Agnes Agent", [{ organizationId: main.id, role: "agent" }]),
    starterOwner: await user("starter-owner", "Sam Starter", [{ organizationId: starter.id, role: "owner" }]),
    freeOwner: await user("free-owner", "Fred Free", [{ organizationId: free.id, role: "owner" }]),
    // no spec creates keys in Fresh Co: its key list stays empty
    freshOwner: await user("fresh-owner", "Fiona Fresh", [{ organizationId: fresh.id, role: "owner" }]),
  };
  fs.writeFileSync(path.join(dir, "fixture.json"), JSON.stringify(fixture, null, 2));
  await db.$disconnect();
}
