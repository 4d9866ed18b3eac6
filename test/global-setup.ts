// Creates and migrates a throwaway database for one vitest project, and drops it afterwards.
// PostgreSQL: a new database on POSTGRES_URL (default the local server); SQLite: a temp file.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";

const PG_ADMIN = process.env.POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

function migrate(url: string, provider: string) {
  const r = spawnSync("node", ["scripts/prisma-wasm.mjs", "deploy"], {
    env: { ...process.env, DATABASE_URL: url, PRISMA_PROVIDER: provider },
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`migrations failed on ${provider}:\n${r.stdout}\n${r.stderr}`);
}

export default async function setup(project: TestProject) {
  const provider = project.config.env?.KEYDESK_TEST_DB ?? "sqlite";
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `keydesk-test-${provider}-`));
  let url: string;
  let teardown: () => Promise<void>;
  if (provider === "postgresql") {
    const name = `keydesk_test_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: PG_ADMIN });
    try {
      await admin.connect();
    } catch (e) {
      throw new Error(`PostgreSQL is not answering at ${PG_ADMIN} (${(e as Error).message}). Start it; its tests are never skipped.`);
    }
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const u = new URL(PG_ADMIN);
    u.pathname = `/${name}`;
    url = u.toString();
    teardown = async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    };
  } else {
    url = `file:${path.join(dir, "test.db")}`;
    teardown = async () => {};
  }
  migrate(url, provider);
  project.provide("databaseUrl", url);
  return async () => {
    await teardown();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
