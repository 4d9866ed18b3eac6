// Real server processes (scripts/server.mjs, what `npm start` serves) and the real CLI, for the
// multi-process stage. Needs a build (.next).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export const ROOT = path.resolve(import.meta.dirname, "../..");
const TSX = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");
export const SECRET = "multi-process-test-secret-0123456789abcdefgh";
export const PG_ADMIN = process.env.POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
export const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

export type Database = { url: string; provider: "sqlite" | "postgresql"; drop: () => Promise<void> };

export async function makeDatabase(provider: "sqlite" | "postgresql"): Promise<Database> {
  let url: string;
  let drop: () => Promise<void>;
  if (provider === "postgresql") {
    const name = `keydesk_mp_${process.pid}_${crypto.randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: PG_ADMIN });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const u = new URL(PG_ADMIN);
    u.pathname = `/${name}`;
    url = u.toString();
    drop = async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "keydesk-mp-"));
    url = `file:${path.join(dir, "k.db")}`;
    drop = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  const r = spawnSync(process.execPath, ["scripts/prisma-wasm.mjs", "deploy"], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url, PRISMA_PROVIDER: provider }, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`migrations failed: ${r.stderr}`);
  return { url, provider, drop };
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "keydesk-mp-data-"));

function baseEnv(db: Database, extra: Record<string, string | undefined> = {}) {
  const env: Record<string, string | undefined> = {
    ...process.env, DATABASE_URL: db.url, KEYDESK_SECRET: SECRET, KEYDESK_DATA_DIR: dataDir, NODE_ENV: "production",
    AUTH_TRUST_HOST: "true", NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "warn", REDIS_URL: undefined, ...extra,
  };
  delete env.PRISMA_PROVIDER;
  delete env.VITEST;
  delete env.VITEST_POOL_ID;
  delete env.VITEST_WORKER_ID;
  return env as NodeJS.ProcessEnv;
}

/** The CLI as an operator runs it; returns its JSON output. */
export function cli(db: Database, args: string[], extra: Record<string, string | undefined> = {}) {
  const r = spawnSync(process.execPath, [TSX, "cli/keydesk.ts", ...args], { cwd: ROOT, env: baseEnv(db, extra), encoding: "utf8" });
  if (r.status !== 0) throw new Error(`keydesk ${args.join(" ")} failed (${r.status}): ${r.stderr}`);
  return r.stdout.trim() ? JSON.parse(r.stdout) : null;
}

export type Instance = { url: string; port: number; child: ChildProcess; log: () => string; exited: Promise<number | null>; stop: (signal?: NodeJS.Signals) => Promise<number | null> };

let nextPort = 3400 + (process.pid % 50) * 10;

export async function startInstance(db: Database, extra: Record<string, string | undefined> = {}): Promise<Instance> {
  const port = nextPort++;
  const child = spawn(process.execPath, ["scripts/server.mjs"], { cwd: ROOT, env: baseEnv(db, { PORT: String(port), AUTH_URL: `http://localhost:${port}`, ...extra }), stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (c) => (out += c));
  child.stderr!.on("data", (c) => (out += c));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode}):\n${out}`);
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.status === 200) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`server did not become healthy:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url, port, child, exited, log: () => out,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Polls until `check` holds; returns the milliseconds it took, or throws after `limitMs`. */
export async function within(limitMs: number, check: () => Promise<boolean>): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (await check()) return performance.now() - started;
    if (performance.now() - started > limitMs) throw new Error(`not within ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const status = async (url: string, init: RequestInit = {}) => (await fetch(url, init)).status;
export const bearer = (key: string) => ({ headers: { authorization: `Bearer ${key}` } });
