#!/usr/bin/env node
// `npm test`: the whole suite, every stage run even when an earlier one failed, then a summary.
//   services   PostgreSQL and Redis answer (with CI=true a missing one fails the run; else a warning)
//   typecheck  tsc --noEmit
//   lint       eslint (eslint.config.mjs), failing on any warning
//   vitest     unit + integration tests, on SQLite and on PostgreSQL (two projects)
//   build      next build          } each serialized with `flock /tmp/keydesk-build.lock` where flock
//   multi      real server processes on shared databases, and the CLI (vitest.multi.config.ts)
//   browser    playwright test     } exists (KEYDESK_BUILD_LOCK=path|off): builds exhaust small machines
// `node scripts/test.mjs typecheck vitest` runs only the named stages (services, typecheck, lint, vitest,
// build, multi, browser).
// The last line is `N passed, N failed` over all tests (a stage that fails without reporting
// tests counts as one failure), and the exit status is non-zero when any stage failed.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(ROOT);
const CI = process.env.CI === "true" || process.env.CI === "1";
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "keydesk-test-run-"));
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

const results = [];
const STAGE_IDS = {
  services: "services",
  "typecheck (tsc --noEmit)": "typecheck",
  "lint (eslint, no warnings allowed)": "lint",
  "unit and integration tests (vitest: sqlite + postgresql)": "vitest",
  "build (next build)": "build",
  "multi-process (servers + CLI on PostgreSQL, Redis, SQLite)": "multi",
  "browser tests (playwright)": "browser",
};
let interrupted = false;
const heading = (title) => console.log(`\n=== ${title} ${"=".repeat(Math.max(0, 70 - title.length))}\n`);

function run(cmd, args, extraEnv = {}) {
  return new Promise((resolve) => {
    // own process group: an interrupted run also stops what the stage started (servers, workers)
    const child = spawn(cmd, args, { stdio: ["ignore", "inherit", "inherit"], env: { ...env, ...extraEnv }, detached: true });
    const forward = (sig) => {
      interrupted = true;
      try {
        process.kill(-child.pid, sig);
      } catch {
        child.kill(sig);
      }
    };
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("error", (e) => {
      console.error(`cannot run ${cmd}: ${e.message}`);
      resolve(127);
    });
    child.on("close", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

const STAGES = ["services", "typecheck", "lint", "vitest", "build", "multi", "browser"];
const only = process.argv.slice(2);
for (const s of only) {
  if (!STAGES.includes(s)) {
    console.error(`unknown stage "${s}": use ${STAGES.join(", ")}`);
    process.exit(2);
  }
}

async function stage(name, fn) {
  if (only.length && !only.includes(STAGE_IDS[name])) return;
  heading(name);
  const started = Date.now();
  let r;
  try {
    r = await fn();
  } catch (e) {
    console.error(e);
    r = { ok: false, note: `crashed: ${e.message}` };
  }
  results.push({ name, seconds: (Date.now() - started) / 1000, ...r });
  if (interrupted) {
    console.error("\ninterrupted");
    process.exit(130);
  }
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

// --- services ------------------------------------------------------------------------------------
function probe(host, port, hello, expect) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 3000 });
    let data = "";
    const done = (ok, why) => {
      socket.destroy();
      resolve({ ok, why });
    };
    socket.on("connect", () => (hello ? socket.write(hello) : done(true)));
    socket.on("data", (d) => {
      data += d;
      if (expect.test(data)) done(true);
    });
    socket.on("timeout", () => done(false, "timed out"));
    socket.on("error", (e) => done(false, e.code ?? e.message));
  });
}

await stage("services", async () => {
  const pgUrl = new URL(process.env.POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  const redisUrl = new URL(process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379");
  const checks = [
    ["PostgreSQL", pgUrl.hostname, Number(pgUrl.port || 5432), null, /./],
    ["Redis", redisUrl.hostname, Number(redisUrl.port || 6379), "PING\r\n", /\+PONG|-NOAUTH/],
  ];
  const missing = [];
  for (const [name, host, port, hello, expect] of checks) {
    const r = await probe(host, port, hello, expect);
    console.log(`${name} at ${host}:${port}: ${r.ok ? "answering" : `NOT answering (${r.why})`}`);
    if (!r.ok) missing.push(name);
  }
  if (missing.length === 0) return { ok: true };
  if (CI) return { ok: false, note: `${missing.join(" and ")} not answering (CI=true: a failure, never a skip)` };
  console.warn(`warning: ${missing.join(" and ")} not answering: their tests will fail. Start them (see README) or run .ci/run.`);
  return { ok: true, note: `warning: ${missing.join(" and ")} not answering` };
});

// --- typecheck -----------------------------------------------------------------------------------
await stage("typecheck (tsc --noEmit)", async () => {
  const code = await run(process.execPath, ["node_modules/typescript/bin/tsc", "--noEmit"]);
  return { ok: code === 0, note: code === 0 ? "no errors" : `exit ${code}` };
});

// --- lint ----------------------------------------------------------------------------------------
await stage("lint (eslint, no warnings allowed)", async () => {
  const code = await run(process.execPath, ["node_modules/eslint/bin/eslint.js", ".", "--max-warnings", "0"]);
  return { ok: code === 0, note: code === 0 ? "no warnings" : `exit ${code}` };
});

// --- vitest --------------------------------------------------------------------------------------
async function vitestStage(name, extraArgs = []) {
  const out = path.join(tmp, `${name}.json`);
  const code = await run(process.execPath, ["node_modules/vitest/vitest.mjs", "run", ...extraArgs, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`]);
  const j = readJson(out);
  if (!j) return { ok: false, passed: 0, failed: 0, note: `no report (exit ${code})` };
  const failed = j.numFailedTests ?? 0;
  const skipped = (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
  // a file that fails to load (or a failing global setup) has no failed *tests*: count the suite
  const brokenFiles = (j.testResults ?? []).filter((f) => f.status === "failed" && (f.assertionResults ?? []).every((a) => a.status !== "failed")).length;
  return { ok: code === 0, passed: j.numPassedTests ?? 0, failed: failed + brokenFiles, skipped, note: brokenFiles ? `${brokenFiles} file(s) failed outside tests` : undefined };
}

await stage("unit and integration tests (vitest: sqlite + postgresql)", () => vitestStage("vitest"));

// --- build ---------------------------------------------------------------------------------------
function withBuildLock(cmd) {
  const lock = process.env.KEYDESK_BUILD_LOCK ?? "/tmp/keydesk-build.lock";
  if (lock === "off" || spawnSync("flock", ["--version"]).status !== 0) return cmd;
  return ["flock", lock, ...cmd];
}

await stage("build (next build)", async () => {
  const [bin, ...args] = withBuildLock([process.execPath, "node_modules/next/dist/bin/next", "build"]);
  const startedAt = Date.now();
  // the build loads server modules: give it a secret so it does not generate data/secret
  const code = await run(bin, args, { NODE_ENV: "production", KEYDESK_SECRET: process.env.KEYDESK_SECRET ?? "build-only-secret-not-used-at-runtime-0123456789" });
  // the same stamp npm start writes (scripts/start.mjs): a later `npm start` reuses this build
  const stamp = path.join(ROOT, ".next", "keydesk-build-stamp.json");
  if (code === 0) {
    const head = spawnSync("git", ["rev-parse", "HEAD"], { encoding: "utf8" });
    fs.writeFileSync(stamp, JSON.stringify({ head: head.status === 0 ? head.stdout.trim() : null, builtAt: startedAt }) + "\n");
  } else {
    fs.rmSync(stamp, { force: true });
  }
  return { ok: code === 0, note: code === 0 ? undefined : `exit ${code}` };
});

// --- multi-process -------------------------------------------------------------------------------
// after the build: it starts scripts/server.mjs processes
await stage("multi-process (servers + CLI on PostgreSQL, Redis, SQLite)", () =>
  fs.existsSync(path.join(ROOT, ".next", "BUILD_ID")) ? vitestStage("multi", ["--config", "vitest.multi.config.ts"]) : { ok: false, note: "no build (.next): run the build stage first" },
);

// --- browser -------------------------------------------------------------------------------------
await stage("browser tests (playwright)", async () => {
  const out = path.join(tmp, "playwright.json");
  // under the build lock too: browser runs on one machine share a port and both cores
  const [bin, ...args] = withBuildLock([process.execPath, "node_modules/@playwright/test/cli.js", "test", "--reporter=list,json"]);
  const code = await run(bin, args, {
    PLAYWRIGHT_JSON_OUTPUT_FILE: out,
    PLAYWRIGHT_JSON_OUTPUT_NAME: out,
  });
  const j = readJson(out);
  if (!j?.stats) return { ok: false, passed: 0, failed: 0, note: `no report (exit ${code})` };
  const s = j.stats;
  const errors = (j.errors ?? []).length; // global setup / webServer failures
  return {
    ok: code === 0,
    passed: (s.expected ?? 0) + (s.flaky ?? 0),
    failed: (s.unexpected ?? 0) + (s.unexpected ? 0 : errors),
    skipped: s.skipped ?? 0,
    note: [s.flaky ? `${s.flaky} flaky (passed on retry)` : "", errors ? `${errors} error(s) outside tests` : ""].filter(Boolean).join("; ") || undefined,
  };
});

// --- summary -------------------------------------------------------------------------------------
heading("summary");
let passed = 0;
let failed = 0;
const width = Math.max(0, ...results.map((r) => r.name.length));
for (const r of results) {
  const counted = r.passed !== undefined;
  // a failed stage that reported no failing test still counts once
  const f = counted ? r.failed : 0;
  const extra = !r.ok && f === 0 ? 1 : 0;
  passed += counted ? r.passed : 0;
  failed += f + extra;
  const tests = counted ? `${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ""}` : "";
  const cells = [r.ok ? "ok    " : "FAILED", `${r.seconds.toFixed(1).padStart(6)}s`, tests, r.note ?? ""].filter(Boolean);
  console.log(`${r.name.padEnd(width)}  ${cells.join("  ")}`);
}
fs.rmSync(tmp, { recursive: true, force: true });
console.log("");
console.log(`${passed} passed, ${failed} failed`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
