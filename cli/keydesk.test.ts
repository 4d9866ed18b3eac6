// The CLI as a user runs it: a child process against this project's database. Asserts exit codes,
// the JSON on stdout, the one line on stderr, and that a failure writes nothing.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { hashKey } from "@/lib/keys/key-format";
import { verifyPassword } from "@/lib/users/password";
import { makeOrg, rand } from "@/test/factories";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "keydesk-cli-"));
const PASSWORD = "correct horse battery";
// Each test spawns several CLI processes (about a second each, far more on a loaded 2-core machine).
const SLOW = 180_000;

type Run = { code: number | null; stdout: string; stderr: string; json: any };

export function runCli(args: string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.resolve("node_modules/.bin/tsx"), ["cli/keydesk.ts", ...args], {
      env: { ...process.env, DATABASE_URL: inject("databaseUrl"), KEYDESK_DATA_DIR: dataDir, ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => {
      let json: unknown;
      try {
        json = stdout ? JSON.parse(stdout) : undefined;
      } catch {
        json = undefined;
      }
      resolve({ code, stdout, stderr, json });
    });
  });
}

/** Row counts of everything a CLI command can write. */
async function snapshot() {
  const [orgs, users, memberships, keys, secrets, events] = await Promise.all([
    db.organization.count(), db.user.count(), db.membership.count(), db.apiKey.count(), db.apiKeySecret.count(), db.auditEvent.count(),
  ]);
  return { orgs, users, memberships, keys, secrets, events };
}

const errorLine = (r: Run) => r.stderr.split("\n").filter((l) => l.startsWith("error: "));

describe.concurrent("keydesk CLI: successes", { timeout: SLOW }, () => {
  it("orgs create, then users create with --org, then keys create", async () => {
    const slug = `cli-${rand()}`;
    const org = await runCli(["orgs", "create", "--slug", slug, "--name", "CLI Co", "--plan", "starter"]);
    expect(org.code).toBe(0);
    expect(org.json).toMatchObject({ slug, name: "CLI Co", plan: "starter", require_api_token: false, allow_query_keys: true, default_rate_limit_per_hour: 1000, reveal_policy: "reveal" });

    const email = `Owner-${rand()}@Example.com`;
    const user = await runCli(["users", "create", "--email", email, "--password", PASSWORD, "--role", "owner", "--org", slug]);
    expect(user.code).toBe(0);
    expect(user.json).toMatchObject({ email: email.toLowerCase(), role: "owner", organization: slug });
    const row = await db.user.findUniqueOrThrow({ where: { email: email.toLowerCase() }, omit: { passwordHash: false } });
    expect(await verifyPassword(row.passwordHash, PASSWORD)).toBe(true);

    const key = await runCli(["keys", "create", "--org", slug, "--scopes", "read", "--name", "Reporting", "--expires", "2099-01-01T00:00:00Z", "--rate-limit", "60"]);
    expect(key.code).toBe(0);
    expect(Object.keys(key.json)).toEqual(["id", "key"]);
    expect(key.json.key).toMatch(/^kd_[0-9A-Za-z]{38}$/);
    const stored = await db.apiKey.findUniqueOrThrow({ where: { id: key.json.id }, include: { secrets: { omit: { hash: false } } } });
    expect(stored).toMatchObject({ name: "Reporting", preset: "read", rateLimitPerHour: 60, createdByType: "system", createdByLabel: "cli" });
    expect(stored.expiresAt?.toISOString()).toBe("2099-01-01T00:00:00.000Z");
    expect(stored.secrets[0]!.hash).toBe(hashKey(key.json.key));
    expect(key.stdout.match(/kd_/g)).toHaveLength(1);
    expect(key.stderr).not.toContain(key.json.key);
  });

  it("keys create takes fine-grained permissions", async () => {
    const org = await makeOrg();
    const r = await runCli(["keys", "create", "--org", org.slug, "--scopes", "articles:write,usage:read"]);
    expect(r.code).toBe(0);
    const stored = await db.apiKey.findUniqueOrThrow({ where: { id: r.json.id } });
    expect(stored.permissions).toEqual(["articles:read", "articles:write", "usage:read"]);
    expect(stored.preset).toBeNull();
  });

  it("orgs set changes settings with an audit event", async () => {
    const org = await makeOrg();
    const r = await runCli(["orgs", "set", "--slug", org.slug, "--plan", "starter", "--require-api-token", "on", "--allow-query-keys", "off", "--default-rate-limit", "250", "--reveal-policy", "show_once"]);
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ slug: org.slug, plan: "starter", require_api_token: true, allow_query_keys: false, default_rate_limit_per_hour: 250, reveal_policy: "show_once" });
    expect(await db.organization.findUniqueOrThrow({ where: { id: org.id } })).toMatchObject({ plan: "starter", requireApiToken: true, allowQueryKeys: false, defaultRateLimitPerHour: 250, revealPolicy: "show_once" });
    const ev = await db.auditEvent.findFirstOrThrow({ where: { organizationId: org.id, action: "org.settings_updated" } });
    expect(ev).toMatchObject({ actorType: "system", actorLabel: "cli" });
    expect(ev.metadata).toMatchObject({ before: { plan: "professional", requireApiToken: false }, after: { plan: "starter", requireApiToken: true } });
  });

  it("--help prints the usage on stdout and exits 0", async () => {
    const r = await runCli(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("users create --email E --password P --role owner|admin|agent [--org SLUG]");
  });
});

// Each row: arguments (ORG stands for an existing organization's slug), exit code, stderr line.
const failures: [string, string[], number, string | RegExp][] = [
  ["no command", [], 2, "error: a command is required"],
  ["unknown command", ["frobnicate"], 2, 'error: unknown command "frobnicate"'],
  ["unknown subcommand", ["users", "delete"], 2, 'error: unknown command "users delete"'],
  ["unknown option", ["orgs", "create", "--slug", "x", "--name", "X", "--colour", "red"], 2, /^error: Unknown option '--colour'/],
  ["missing --password", ["users", "create", "--email", "a@example.com", "--role", "owner", "--org", "ORG"], 2, "error: --password is required"],
  ["missing --scopes", ["keys", "create", "--org", "ORG"], 2, "error: --scopes is required"],
  ["bad on/off", ["orgs", "set", "--slug", "ORG", "--require-api-token", "yes"], 2, 'error: --require-api-token takes on or off, not "yes"'],
  ["bad number", ["orgs", "set", "--slug", "ORG", "--default-rate-limit", "lots"], 2, 'error: --default-rate-limit takes a positive whole number, not "lots"'],
  ["nothing to set", ["orgs", "set", "--slug", "ORG"], 2, "error: orgs set needs at least one setting to change"],
  ["bad --expires", ["keys", "create", "--org", "ORG", "--scopes", "read", "--expires", "next week"], 2, /^error: --expires takes an ISO 8601 date/],
  ["short password", ["users", "create", "--email", "NEW", "--password", "elevenchars", "--role", "owner", "--org", "ORG"], 1, "error: Password must be at least 12 characters long."],
  ["unknown role", ["users", "create", "--email", "NEW", "--password", PASSWORD, "--role", "boss", "--org", "ORG"], 1, 'error: Unknown role "boss": use owner, admin or agent.'],
  ["unknown org", ["users", "create", "--email", "NEW", "--password", PASSWORD, "--role", "agent", "--org", "no-such-org"], 1, 'error: No organization with slug "no-such-org".'],
  ["bad email", ["users", "create", "--email", "nobody", "--password", PASSWORD, "--role", "agent", "--org", "ORG"], 1, 'error: "nobody" is not a valid email address.'],
  ["existing user, other case", ["users", "create", "--email", "EXISTING", "--password", PASSWORD, "--role", "agent", "--org", "ORG"], 1, /^error: A user with email .* already exists\.$/],
  ["taken slug", ["orgs", "create", "--slug", "ORG", "--name", "Again"], 1, /^error: An organization with slug ".*" already exists\.$/],
  ["reserved slug", ["orgs", "create", "--slug", "admin", "--name", "Admin"], 1, 'error: Slug "admin" is reserved.'],
  ["unknown plan", ["orgs", "create", "--slug", "NEWSLUG", "--name", "X", "--plan", "gold"], 1, 'error: Unknown plan "gold": use free, starter or professional.'],
  ["unknown permission", ["keys", "create", "--org", "ORG", "--scopes", "articles:write,bogus:read"], 1, /^error: Unknown permission "bogus:read"/],
  ["expiry in the past", ["keys", "create", "--org", "ORG", "--scopes", "read", "--expires", "2001-01-01"], 1, "error: --expires 2001-01-01 is in the past."],
  ["free plan", ["keys", "create", "--org", "FREEORG", "--scopes", "read"], 1, "error: API keys need the starter or professional plan."],
  ["unknown org for a key", ["keys", "create", "--org", "no-such-org", "--scopes", "read"], 1, 'error: No organization with slug "no-such-org".'],
  ["unknown org to set", ["orgs", "set", "--slug", "no-such-org", "--plan", "free"], 1, 'error: No organization with slug "no-such-org".'],
];

// All rows run at once (a few processes in parallel) between two snapshots of the database:
// per-row snapshots would need the rows to run one by one, which is slow on two cores.
describe("keydesk CLI: failures write nothing", { timeout: SLOW }, () => {
  const results = new Map<string, Run>();
  let before: Awaited<ReturnType<typeof snapshot>>;
  let after: typeof before;

  beforeAll(async () => {
    const org = await makeOrg();
    const free = await makeOrg({ plan: "free" });
    const existing = `existing-${rand()}@example.com`;
    await db.user.create({ data: { email: existing, name: "Existing" } });
    const fill = (a: string) => ({ ORG: org.slug, FREEORG: free.slug, NEW: `new-${rand()}@example.com`, EXISTING: existing.toUpperCase(), NEWSLUG: `new-${rand()}` })[a] ?? a;
    before = await snapshot();
    const queue = [...failures];
    await Promise.all(Array.from({ length: 4 }, async () => {
      for (let row = queue.shift(); row; row = queue.shift()) results.set(row[0], await runCli(row[1].map(fill)));
    }));
    after = await snapshot();
  }, SLOW);

  it.each(failures)("%s", (name, _args, code, message) => {
    const r = results.get(name)!;
    expect(r.code).toBe(code);
    expect(r.stdout).toBe("");
    const lines = errorLine(r);
    expect(lines).toHaveLength(1);
    if (typeof message === "string") expect(lines[0]).toBe(message);
    else expect(lines[0]).toMatch(message);
    if (code === 2) expect(r.stderr).toContain("Usage: npm run keydesk -- <command>");
    else expect(r.stderr).not.toContain("Usage:");
  });

  it("no row wrote anything", () => {
    expect(after).toEqual(before);
  });
});

describe("users create without --org", { timeout: SLOW }, () => {
  // Runs against a database of its own: the shared one has many organizations.
  it("uses the single organization, and refuses when there are none or several", async () => {
    const { url, drop } = await freshDatabase();
    try {
      const env = { DATABASE_URL: url };
      const user = (email: string) => runCli(["users", "create", "--email", email, "--password", PASSWORD, "--role", "owner"], env);
      expect((await runCli(["db", "migrate"], env)).code).toBe(0);
      const none = await user("first@example.com");
      expect([none.code, errorLine(none)]).toEqual([1, ["error: No organization exists yet: create one with `orgs create` (or `db seed`), or name one with --org SLUG."]]);
      expect((await runCli(["orgs", "create", "--slug", "only", "--name", "Only"], env)).code).toBe(0);
      const one = await user("first@example.com");
      expect(one.code).toBe(0);
      expect(one.json).toMatchObject({ email: "first@example.com", organization: "only", role: "owner" });
      expect((await runCli(["orgs", "create", "--slug", "second", "--name", "Second"], env)).code).toBe(0);
      const two = await user("second@example.com");
      expect([two.code, errorLine(two)]).toEqual([1, ["error: There are several organizations: name one with --org SLUG."]]);
    } finally {
      await drop();
    }
  });
});

describe("db migrate and db seed", { timeout: SLOW }, () => {
  it("the test database, migrated from empty by the global setup, has a table for every model", async () => {
    const sql = inject("databaseUrl").startsWith("file:")
      ? "SELECT name AS t FROM sqlite_master WHERE type = 'table'"
      : "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = current_schema()";
    const rows = await db.$queryRawUnsafe<{ t: string }[]>(sql);
    expect(rows.map((r) => r.t)).toEqual(expect.arrayContaining([...schemaModels(), "_prisma_migrations"]));
  });

  it("migrate creates every table on an empty database, then has nothing to do", async () => {
    const { url, drop, tables } = await freshDatabase();
    try {
      const first = await runCli(["db", "migrate"], { DATABASE_URL: url });
      expect(first.code).toBe(0);
      expect(first.json.applied.length).toBeGreaterThan(0);
      expect(await tables()).toEqual(expect.arrayContaining([...schemaModels(), "_prisma_migrations"]));
      const again = await runCli(["db", "migrate"], { DATABASE_URL: url });
      expect(again.code).toBe(0);
      expect(again.json).toMatchObject({ migrated: true, applied: [] });
    } finally {
      await drop();
    }
  });

  it("seed creates the demo once, prints the password once, and --if-empty does nothing afterwards", async () => {
    const { url, drop } = await freshDatabase();
    try {
      const env = { DATABASE_URL: url };
      expect((await runCli(["db", "migrate"], env)).code).toBe(0);
      const seeded = await runCli(["db", "seed", "--if-empty"], env);
      expect(seeded.code).toBe(0);
      expect(seeded.json).toMatchObject({ seeded: true, organization: { slug: "demo", name: "Demo Company", plan: "professional" }, owner: { email: expect.any(String), password: expect.any(String) } });
      const { password, email } = seeded.json.owner;
      expect(password.length).toBeGreaterThanOrEqual(12);
      expect(seeded.stdout.split(password)).toHaveLength(2); // exactly once
      expect(seeded.stderr).not.toContain(password);

      const again = await runCli(["db", "seed", "--if-empty"], env);
      expect(again.code).toBe(0);
      expect(again.json).toEqual({ seeded: false, reason: "the database already has an organization" });
      expect(again.stdout + again.stderr).not.toContain(password);
      const refused = await runCli(["db", "seed"], env);
      expect([refused.code, errorLine(refused)]).toEqual([1, ['error: Nothing seeded: the demo organization "demo" already exists.']]);

      const check = await runCli(["users", "create", "--email", email.toUpperCase(), "--password", PASSWORD, "--role", "agent", "--org", "demo"], env);
      expect(errorLine(check)).toEqual([`error: A user with email ${email} already exists.`]);
    } finally {
      await drop();
    }
  });

  it("seed content: categories, external+published and internal articles, an owner whose password verifies", async () => {
    // seeding the shared test database is fine: the demo slug is used by nothing else
    const before = await db.organization.findUnique({ where: { slug: "demo" } });
    if (before) await db.organization.delete({ where: { id: before.id } });
    await db.user.deleteMany({ where: { email: "owner@demo.keydesk.test" } });
    const r = await runCli(["db", "seed"]);
    expect(r.code).toBe(0);
    const org = await db.organization.findUniqueOrThrow({ where: { slug: "demo" }, include: { memberships: { include: { user: { omit: { passwordHash: false } } } } } });
    expect(org.memberships).toHaveLength(1);
    expect(org.memberships[0]!.role).toBe("owner");
    expect(await verifyPassword(org.memberships[0]!.user.passwordHash, r.json.owner.password)).toBe(true);
    expect(await db.category.count({ where: { organizationId: org.id } })).toBeGreaterThanOrEqual(2);
    expect(await db.article.count({ where: { organizationId: org.id, visibility: "external", published: true } })).toBeGreaterThanOrEqual(2);
    expect(await db.article.count({ where: { organizationId: org.id, visibility: "internal" } })).toBeGreaterThanOrEqual(1);
    expect(await db.article.count({ where: { organizationId: org.id, published: false } })).toBeGreaterThanOrEqual(1);
  });
});

/** Model names in the Prisma schema: each is a table (the schema uses no @@map). */
function schemaModels(): string[] {
  const schema = fs.readFileSync("prisma/schema.prisma", "utf8");
  return [...schema.matchAll(/^model\s+(\w+)\s*\{/gm)].map((m) => m[1]!);
}

/** An empty database of the same provider as this project's. */
async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void>; tables: () => Promise<string[]> }> {
  const base = inject("databaseUrl");
  if (base.startsWith("file:")) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "keydesk-fresh-"));
    const file = path.join(dir, "fresh.db");
    return {
      url: `file:${file}`,
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
      tables: async () => {
        const { default: Database } = await import("better-sqlite3");
        const conn = new Database(file, { readonly: true });
        try {
          return (conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
        } finally {
          conn.close();
        }
      },
    };
  }
  const { default: pg } = await import("pg");
  const name = `keydesk_fresh_${rand(10)}`;
  const admin = new URL(base);
  admin.pathname = "/postgres";
  const exec = async (url: string, sql: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      return (await c.query(sql)).rows as Record<string, string>[];
    } finally {
      await c.end();
    }
  };
  await exec(admin.toString(), `CREATE DATABASE "${name}"`);
  const u = new URL(base);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => void (await exec(admin.toString(), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
    tables: async () => (await exec(u.toString(), "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")).map((r) => r.table_name!),
  };
}
