#!/usr/bin/env node
// `npm start`: everything a fresh clone needs, then `next start`. Each step is skipped when already
// done, so a second start reuses the secret, the database, the demo and the build.
//   1. data/ and KEYDESK_SECRET (env, else data/secret, generated once with a warning)
//   2. DATABASE_URL (default file:./data/keydesk.db, made absolute) and its migrations
//   3. `next build` when there is no build or the sources changed since (mtimes, git HEAD)
//   4. the demo organization on an empty database (its owner's password is printed once)
//   5. scripts/server.mjs (Next's handler on node:http: client addresses, graceful shutdown), with
//      signals forwarded
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(ROOT);

const say = (m) => console.log(`[keydesk] ${m}`);

// Children run in their own process group (so flock's child and next's workers go too) and every
// signal is forwarded to it: stopping `npm start` at any moment leaves no orphan behind.
let current = null;
let onStop = () => {};
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(sig, () => {
    onStop();
    if (!current) process.exit(sig === "SIGINT" ? 130 : 143);
    try {
      process.kill(-current.pid, sig);
    } catch {
      current.kill(sig);
    }
  });
}
function spawnGroup(cmd, args, options) {
  current = spawn(cmd, args, { ...options, detached: true });
  current.on("exit", () => (current = null));
  return current;
}
const fail = (m) => {
  console.error(`[keydesk] error: ${m}`);
  process.exit(1);
};

// --- 1. data directory and secret -------------------------------------------------------------
const dataDir = path.resolve(process.env.KEYDESK_DATA_DIR || "data");
fs.mkdirSync(dataDir, { recursive: true });

function ensureSecret() {
  const fromEnv = process.env.KEYDESK_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 32) fail("KEYDESK_SECRET must be at least 32 characters.");
    return fromEnv;
  }
  const file = path.join(dataDir, "secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  const secret = crypto.randomBytes(32).toString("base64url"); // same form as lib/env.ts
  try {
    fs.writeFileSync(file, secret + "\n", { mode: 0o600, flag: "wx" });
  } catch {
    return fs.readFileSync(file, "utf8").trim(); // another process wrote it first
  }
  console.warn(`[keydesk] warning: KEYDESK_SECRET is not set: generated one into ${file}.`);
  console.warn("[keydesk] warning: in production set KEYDESK_SECRET (32+ characters) and keep it: it encrypts revealable keys and signs sessions.");
  return secret;
}

const keydeskSecret = ensureSecret();
const port = process.env.PORT || "3000";

// --- 2. database --------------------------------------------------------------------------------
function resolveDatabaseUrl(url) {
  if (!url.startsWith("file:")) return url;
  const [file, query] = url.slice("file:".length).split("?");
  return `file:${path.isAbsolute(file) ? file : path.resolve(file)}${query ? `?${query}` : ""}`;
}
const databaseUrl = resolveDatabaseUrl(process.env.DATABASE_URL || `file:${path.join(dataDir, "keydesk.db")}`);
const provider = databaseUrl.startsWith("file:") ? "sqlite" : "postgresql";

const env = {
  ...process.env,
  KEYDESK_DATA_DIR: dataDir,
  KEYDESK_SECRET: keydeskSecret,
  DATABASE_URL: databaseUrl,
  PORT: port,
  NEXT_TELEMETRY_DISABLED: "1",
  AUTH_TRUST_HOST: "true",
  // lib/env.ts derives the same value; set it so next-auth's own reads agree
  AUTH_SECRET: process.env.AUTH_SECRET || crypto.createHmac("sha256", keydeskSecret).update("keydesk:auth-secret").digest("base64url"),
};
delete env.PRISMA_PROVIDER;

const migrate = spawnSync(process.execPath, ["scripts/prisma-wasm.mjs", "deploy"], { env: { ...env, PRISMA_PROVIDER: provider }, encoding: "utf8" });
if (migrate.status !== 0) {
  const why = `${migrate.stderr}\n${migrate.stdout}`.split("\n").map((l) => l.trim()).find((l) => /^(Error|Caused by)\b/.test(l));
  fail(`migrations failed on ${provider} (${provider === "sqlite" ? databaseUrl : "DATABASE_URL"}): ${why ?? migrate.stderr.trim()}`);
}
say(`database: ${provider}${provider === "sqlite" ? ` (${databaseUrl.slice(5)})` : ""}; ${migrate.stdout.trim().split("\n").pop()}`);

// --- 3. build when needed ------------------------------------------------------------------------
const STAMP = path.join(ROOT, ".next", "keydesk-build-stamp.json");
// Not read by the build: tests, tooling, docs (ignored files such as data/ and .next/ never count).
const NOT_BUILD_INPUT = /(^|\/)(e2e|test|bench|cli|scripts|\.ci)\/|\.test\.tsx?$|\.md$/;

/** Newest modification time of the files the build reads: tracked and untracked-but-not-ignored. */
function newestSourceMtime() {
  const r = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { encoding: "utf8", maxBuffer: 64 << 20 });
  const files = r.status === 0 ? r.stdout.split("\0").filter(Boolean) : walk(".");
  let newest = 0;
  for (const f of files) {
    if (NOT_BUILD_INPUT.test(f)) continue;
    try {
      newest = Math.max(newest, fs.statSync(f).mtimeMs);
    } catch {
      /* deleted in the work tree */
    }
  }
  return newest;
}

/** Without git: every file but the usual generated and installed ones. */
function walk(dir) {
  const skip = new Set(["node_modules", ".next", ".git", "data", "generated", "test-results", "playwright-report"]);
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (skip.has(e.name) || e.name === "next-env.d.ts" || e.name.endsWith(".tsbuildinfo")) return [];
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : e.isFile() ? [p] : [];
  });
}

function gitHead() {
  const r = spawnSync("git", ["rev-parse", "HEAD"], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : null;
}

function buildReason() {
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return "no build yet";
  let stamp = null;
  try {
    stamp = JSON.parse(fs.readFileSync(STAMP, "utf8"));
  } catch {
    return "the build was not made by npm start";
  }
  if (stamp.head !== gitHead()) return "the git HEAD changed";
  if (newestSourceMtime() > stamp.builtAt) return "sources changed since the last build";
  return null;
}

/** Two builds at once exhaust small machines: serialize them with flock where it exists. */
function withBuildLock(cmd) {
  const lock = process.env.KEYDESK_BUILD_LOCK ?? "/tmp/keydesk-build.lock";
  if (lock === "off" || spawnSync("flock", ["--version"]).status !== 0) return cmd;
  return ["flock", lock, ...cmd];
}

const reason = buildReason();
if (reason) {
  say(`building (${reason}); this takes a minute...`);
  const startedAt = Date.now();
  const [bin, ...args] = withBuildLock([process.execPath, "node_modules/next/dist/bin/next", "build"]);
  const code = await new Promise((resolve) => {
    spawnGroup(bin, args, { env: { ...env, NODE_ENV: "production" }, stdio: ["ignore", "inherit", "inherit"] }).on("exit", (c) => resolve(c ?? 1));
  });
  if (code !== 0) fail("next build failed (see above).");
  // the start time, not the end: a file saved during the build makes the next start rebuild
  fs.writeFileSync(STAMP, JSON.stringify({ head: gitHead(), builtAt: startedAt }) + "\n");
} else {
  say("reusing the existing build (.next)");
}

// --- 4. demo on an empty database (after the build: a failed build must not swallow the password)
const tsx = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");
const seed = spawnSync(process.execPath, [tsx, "cli/keydesk.ts", "db", "seed", "--if-empty"], { env, encoding: "utf8" });
if (seed.status !== 0) fail(`seeding the demo failed: ${seed.stderr.trim()}`);
const seeded = JSON.parse(seed.stdout);
const baseUrl = (process.env.AUTH_URL || `http://localhost:${port}`).replace(/\/$/, "");

// --- 5. serve ------------------------------------------------------------------------------------
function banner() {
  console.log("");
  console.log(`  Keydesk is running at ${baseUrl}`);
  if (seeded.seeded) {
    console.log("");
    console.log(`  A demo organization "${seeded.organization.name}" was created. Sign in at ${baseUrl}/login`);
    console.log(`    email:    ${seeded.owner.email}`);
    console.log(`    password: ${seeded.owner.password}`);
    console.log("  This password is shown only this once: write it down.");
  } else {
    console.log(`  Sign in at ${baseUrl}/login`);
  }
  console.log("");
}

const child = spawnGroup(process.execPath, ["scripts/server.mjs"], {
  env: { ...env, NODE_ENV: "production" },
  stdio: ["ignore", "pipe", "inherit"],
});
let shown = false;
const showOnce = () => {
  if (!shown) {
    shown = true;
    banner();
  }
};
child.stdout.on("data", (chunk) => {
  process.stdout.write(chunk);
  if (/\] ready: listening/i.test(String(chunk))) showOnce();
});
const fallback = setTimeout(showOnce, 30_000);
fallback.unref();

onStop = () => {
  if (!shown && seeded.seeded) showOnce(); // never lose the only copy of the password
};
child.on("exit", (code, signal) => {
  if (!shown && seeded.seeded) showOnce();
  process.exit(code ?? (signal ? 128 + (signal === "SIGINT" ? 2 : signal === "SIGHUP" ? 1 : 15) : 1));
});
