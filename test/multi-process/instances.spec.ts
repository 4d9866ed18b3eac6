// Several real server processes on one database, and the CLI beside them: limits exact from the first
// request, and every change enforced everywhere within a second, with and without Redis, on
// PostgreSQL (two instances) and SQLite (server + CLI); SIGTERM during traffic loses no usage.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import Database from "better-sqlite3";
import { bearer, cli, makeDatabase, REDIS_URL, startInstance, status, within, type Database as Db, type Instance } from "./instances";

const LIMIT_MS = 1000;
const slug = () => `mp-${Math.random().toString(36).slice(2, 10)}`;

/** A key deleted through one instance's API is refused by the other within a second. */
async function deletedKeyStopsEverywhere(db: Db, a: Instance, b: Instance, org: string) {
  const admin = cli(db, ["keys", "create", "--org", org, "--scopes", "admin"]).key as string;
  const victim = cli(db, ["keys", "create", "--org", org, "--scopes", "read"]);
  expect(await status(`${b.url}/api/v1/me`, bearer(victim.key))).toBe(200); // cached on B
  expect(await status(`${a.url}/api/v1/keys/${victim.id}`, { method: "DELETE", ...bearer(admin) })).toBe(204);
  return within(LIMIT_MS, async () => (await status(`${b.url}/api/v1/me`, bearer(victim.key))) === 401);
}

/** A key paused, then leaked (reported on one instance) is refused by the other within a second, with the right code. */
async function pausedAndLeakedStopEverywhere(db: Db, a: Instance, b: Instance) {
  const org = slug();
  cli(db, ["orgs", "create", "--slug", org, "--name", "Defenses"]);
  const admin = cli(db, ["keys", "create", "--org", org, "--scopes", "admin"]).key as string;
  const k = cli(db, ["keys", "create", "--org", org, "--scopes", "read"]);
  const code = async (i: Instance) => (await (await fetch(`${i.url}/api/v1/me`, bearer(k.key))).json()).code as string | undefined;
  expect(await status(`${b.url}/api/v1/me`, bearer(k.key))).toBe(200);
  const patch = (disabled: boolean) => status(`${a.url}/api/v1/keys/${k.id}`, { method: "PATCH", headers: { authorization: `Bearer ${admin}`, "content-type": "application/json" }, body: JSON.stringify({ disabled }) });
  expect(await patch(true)).toBe(200);
  const paused = await within(LIMIT_MS, async () => (await code(b)) === "disabled_api_key");
  expect(await patch(false)).toBe(200);
  const resumed = await within(LIMIT_MS, async () => (await status(`${b.url}/api/v1/me`, bearer(k.key))) === 200);
  expect(await status(`${a.url}/api/v1/leaked-keys`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ key: k.key, url: "https://paste.example/x" }) })).toBe(202);
  const leaked = await within(LIMIT_MS, async () => (await code(b)) === "leaked_api_key");
  return Math.max(paused, resumed, leaked);
}

/** An organization setting changed by the CLI applies on every instance within a second. */
async function cliSettingAppliesEverywhere(db: Db, instances: Instance[], org: string) {
  const guest = { headers: { "x-keydesk-org": org } };
  for (const i of instances) expect(await status(`${i.url}/api/v1/articles`, guest)).toBe(200); // cached
  cli(db, ["orgs", "set", "--slug", org, "--require-api-token", "on"]);
  const took = await Promise.all(instances.map((i) => within(LIMIT_MS, async () => (await status(`${i.url}/api/v1/articles`, guest)) === 401)));
  const key = cli(db, ["keys", "create", "--org", org, "--scopes", "read"]).key as string;
  for (const i of instances) expect(await status(`${i.url}/api/v1/me`, bearer(key))).toBe(200);
  cli(db, ["orgs", "set", "--slug", org, "--plan", "free"]);
  took.push(...(await Promise.all(instances.map((i) => within(LIMIT_MS, async () => (await status(`${i.url}/api/v1/me`, bearer(key))) === 403)))));
  return Math.max(...took);
}

/** An article changed through one instance is served changed (and then gone) by the other within a second. */
async function articleChangeReachesEverywhere(db: Db, a: Instance, b: Instance) {
  const org = slug();
  cli(db, ["orgs", "create", "--slug", org, "--name", "Articles"]);
  const admin = cli(db, ["keys", "create", "--org", org, "--scopes", "admin"]).key as string;
  const send = (method: string, path: string, body?: unknown) =>
    fetch(`${a.url}${path}`, { method, headers: { authorization: `Bearer ${admin}`, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  const created = await (await send("POST", "/api/v1/articles", { title: "Before", body: "x", visibility: "external", published: true })).json();
  const title = async () => {
    const res = await fetch(`${b.url}/api/v1/articles/${created.id}`, bearer(admin));
    return res.status === 200 ? ((await res.json()).title as string) : res.status;
  };
  const listed = async () => ((await (await fetch(`${b.url}/api/v1/articles?query=After`, bearer(admin))).json()).data as unknown[]).length;
  expect(await title()).toBe("Before"); // cached on B
  expect(await listed()).toBe(0);
  expect((await send("PATCH", `/api/v1/articles/${created.id}`, { title: "After" })).status).toBe(200);
  const changed = await within(LIMIT_MS, async () => (await title()) === "After" && (await listed()) === 1);
  expect((await send("DELETE", `/api/v1/articles/${created.id}`)).status).toBe(204);
  const gone = await within(LIMIT_MS, async () => (await title()) === 404);
  return Math.max(changed, gone);
}

describe("PostgreSQL, two instances and the CLI", () => {
  let db: Db;
  beforeAll(async () => {
    db = await makeDatabase("postgresql");
  });
  afterAll(async () => {
    await db?.drop();
  });

  describe("with Redis", () => {
    let org: string;
    let limited: { id: string; key: string };
    let a: Instance;
    let b: Instance;
    beforeAll(async () => {
      org = slug();
      cli(db, ["orgs", "create", "--slug", org, "--name", "Multi"]);
      limited = cli(db, ["keys", "create", "--org", org, "--scopes", "read", "--rate-limit", "20"]);
      [a, b] = await Promise.all([startInstance(db, { REDIS_URL }), startInstance(db, { REDIS_URL })]);
    });
    afterAll(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
    });

    it("a burst of 100 right after start, split over both, passes exactly the limit", async () => {
      const results = await Promise.all(Array.from({ length: 100 }, (_, i) => status(`${(i % 2 ? a : b).url}/api/v1/me`, bearer(limited.key))));
      expect(results.filter((s) => s === 200)).toHaveLength(20);
      expect(results.filter((s) => s === 429)).toHaveLength(80);
      const health = await (await fetch(`${a.url}/api/health`)).json();
      expect(health).toMatchObject({ status: "ok", database: "ok", redis: "ok", webhook_worker: "running" });
    });

    it("a key deleted on one instance is refused by the other within 1 s", async () => {
      expect(await deletedKeyStopsEverywhere(db, a, b, org)).toBeLessThan(LIMIT_MS);
    });

    it("a setting changed by the CLI applies on both within 1 s", async () => {
      expect(await cliSettingAppliesEverywhere(db, [a, b], org)).toBeLessThan(LIMIT_MS);
    });

    it("a key paused, resumed and reported leaked on one instance is enforced by the other within 1 s", async () => {
      expect(await pausedAndLeakedStopEverywhere(db, a, b)).toBeLessThan(LIMIT_MS);
    });

    it("an article changed and deleted on one instance is served so by the other within 1 s", async () => {
      expect(await articleChangeReachesEverywhere(db, a, b)).toBeLessThan(LIMIT_MS);
    });
  });

  describe("without Redis", () => {
    let org: string;
    let a: Instance;
    let b: Instance;
    beforeAll(async () => {
      org = slug();
      cli(db, ["orgs", "create", "--slug", org, "--name", "No Redis"]);
      [a, b] = await Promise.all([startInstance(db), startInstance(db)]);
    });
    afterAll(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
    });

    it("a key deleted on one instance is refused by the other within 1 s", async () => {
      expect(await deletedKeyStopsEverywhere(db, a, b, org)).toBeLessThan(LIMIT_MS);
      expect(await (await fetch(`${b.url}/api/health`)).json()).toMatchObject({ status: "ok", redis: "not_configured" });
    });

    it("a setting changed by the CLI applies on both within 1 s", async () => {
      expect(await cliSettingAppliesEverywhere(db, [a, b], org)).toBeLessThan(LIMIT_MS);
    });

    it("a key paused, resumed and reported leaked on one instance is enforced by the other within 1 s", async () => {
      expect(await pausedAndLeakedStopEverywhere(db, a, b)).toBeLessThan(LIMIT_MS);
    });

    it("an article changed and deleted on one instance is served so by the other within 1 s", async () => {
      expect(await articleChangeReachesEverywhere(db, a, b)).toBeLessThan(LIMIT_MS);
    });
  });

  describe("with Redis configured but not answering", () => {
    it("serves, says degraded, limits per instance, and still propagates through the database", async () => {
      const org = slug();
      cli(db, ["orgs", "create", "--slug", org, "--name", "Redis Down"]);
      const down = { REDIS_URL: "redis://127.0.0.1:1", KEYDESK_RATE_LIMIT_CONNECT_WAIT_MS: "500" };
      const [a, b] = await Promise.all([startInstance(db, down), startInstance(db, down)]);
      try {
        const k = cli(db, ["keys", "create", "--org", org, "--scopes", "read", "--rate-limit", "3"]);
        const results = [];
        for (let i = 0; i < 5; i++) results.push(await status(`${a.url}/api/v1/me`, bearer(k.key)));
        expect(results).toEqual([200, 200, 200, 429, 429]);
        expect(await (await fetch(`${a.url}/api/health`)).json()).toMatchObject({ status: "degraded", redis: "down" });
        expect(a.log()).toMatch(/Redis is unreachable/);
        expect(await deletedKeyStopsEverywhere(db, a, b, org)).toBeLessThan(LIMIT_MS);
      } finally {
        await Promise.all([a.stop(), b.stop()]);
      }
    });
  });

  // in both modes: /api through Keydesk's dispatcher (the default) and through Next
  it.each(["keydesk", "next"])("SIGTERM during traffic (API by %s): every request answered before the exit is counted in KeyUsage", async (dispatcher) => {
    const org = slug();
    cli(db, ["orgs", "create", "--slug", org, "--name", "Shutdown"]);
    const k = cli(db, ["keys", "create", "--org", org, "--scopes", "read", "--rate-limit", "100000"]);
    const s = await startInstance(db, { KEYDESK_API_DISPATCHER: dispatcher });
    let answered = 0;
    let stop = false;
    const worker = async () => {
      while (!stop) {
        try {
          const r = await fetch(`${s.url}/api/v1/me`, bearer(k.key));
          await r.arrayBuffer();
          if (r.status === 200) answered++;
        } catch {
          return; // the server stopped accepting
        }
      }
    };
    const load = Array.from({ length: 8 }, worker);
    await new Promise((r) => setTimeout(r, 1500));
    const code = s.stop("SIGTERM");
    await Promise.all(load);
    stop = true;
    expect(await code).toBe(0);
    expect(answered).toBeGreaterThan(20);
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    try {
      const { rows } = await c.query(`SELECT COALESCE(SUM(success), 0)::int AS n FROM "KeyUsage" WHERE "keyId" = $1`, [k.id]);
      expect(rows[0].n).toBe(answered);
    } finally {
      await c.end();
    }
  });
});

describe("SQLite, a server and the CLI", () => {
  let db: Db;
  let s: Instance;
  let org: string;
  beforeAll(async () => {
    db = await makeDatabase("sqlite");
    org = slug();
    cli(db, ["orgs", "create", "--slug", org, "--name", "Embedded"]);
    s = await startInstance(db);
  });
  afterAll(async () => {
    await s?.stop();
    await db?.drop();
  });

  it("a setting changed by the CLI applies on the server within 1 s", async () => {
    expect(await cliSettingAppliesEverywhere(db, [s], org)).toBeLessThan(LIMIT_MS);
  });

  it("SIGTERM flushes the usage of every answered request", async () => {
    const o = slug();
    cli(db, ["orgs", "create", "--slug", o, "--name", "Embedded 2"]);
    const k = cli(db, ["keys", "create", "--org", o, "--scopes", "read"]);
    const t = await startInstance(db);
    const statuses = await Promise.all(Array.from({ length: 25 }, () => status(`${t.url}/api/v1/me`, bearer(k.key))));
    expect(await t.stop("SIGTERM")).toBe(0);
    const sqlite = new Database(db.url.slice("file:".length), { readonly: true });
    try {
      const row = sqlite.prepare(`SELECT COALESCE(SUM(success), 0) AS n FROM KeyUsage WHERE keyId = ?`).get(k.id) as { n: number };
      expect(row.n).toBe(statuses.filter((x) => x === 200).length);
    } finally {
      sqlite.close();
    }
  });
});
