// npm run bench — speed goals of the key engine (issue 3). Prints a table, writes bench/results.json.
//  1. in-process verification: a valid key on a cache hit, an unknown key (negative cache), against
//     the floor of one SHA-256 plus a Map look-up measured in the same run (target: hit <= 2x floor);
//  2. the rate limiter alone, in memory and on Redis;
//  3. over HTTP on scripts/server.mjs in both modes (Keydesk's API dispatcher, and
//     KEYDESK_API_DISPATCHER=next), autocannon, 10 connections, alternating runs, median of 3:
//     GET /api/health, a keyed article, the same article as a guest, a keyed article list with a
//     query and the approvals list by key: req/s, p50, p99, the server's CPU µs per request (from
//     /proc) and its peak RSS and growth; then issue 16's goals (keyed >= 0.9x health on the same
//     server, keyed hot article >= 5x Next's health, p99 < 10 ms, RSS growth < 50 MB) and keyed >=
//     95% of guest;
//  `--profile` instead profiles each mode's server under the keyed hot article (bench/profile.ts).
//  4. propagation: this process deletes and restores a key through the services (a second process
//     beside the server, as the CLI is), and measures until the server enforces it (target p99 < 1 s).
import "../scripts/server-only-outside-next.mjs";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "keydesk-bench-"));
const dbUrl = `file:${path.join(tmp, "bench.db")}`;
process.env.DATABASE_URL = dbUrl;
process.env.KEYDESK_SECRET ??= crypto.randomBytes(32).toString("base64url");
process.env.LOG_LEVEL = "silent";
const REDIS_URL = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";
const PORT = Number(process.env.BENCH_PORT ?? 3210);

function migrate() {
  const r = spawnSync("node", ["scripts/prisma-wasm.mjs", "deploy"], { env: { ...process.env, PRISMA_PROVIDER: "sqlite" }, encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
}

type Row = { name: string; opsPerSec: number; p50us?: number; p99us?: number; note?: string };
const rows: Row[] = [];

async function measure(name: string, fn: () => unknown | Promise<unknown>, { batches = 400, batch = 250 } = {}): Promise<Row> {
  for (let i = 0; i < 5_000; i++) await fn(); // warm up
  const perOp: number[] = [];
  const start = process.hrtime.bigint();
  for (let b = 0; b < batches; b++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) await fn();
    perOp.push(Number(process.hrtime.bigint() - t0) / batch / 1000);
  }
  const total = Number(process.hrtime.bigint() - start) / 1e9;
  perOp.sort((a, b) => a - b);
  const row = { name, opsPerSec: Math.round((batches * batch) / total), p50us: +perOp[Math.floor(perOp.length * 0.5)]!.toFixed(3), p99us: +perOp[Math.floor(perOp.length * 0.99)]!.toFixed(3) };
  rows.push(row);
  return row;
}

async function inProcess() {
  const { db } = await import("@/lib/db");
  const { createKey } = await import("@/lib/keys/create-key");
  const { systemActor } = await import("@/lib/audit/actor");
  const { verifyKey } = await import("@/lib/keys/verify-key");
  const { generateKey } = await import("@/lib/keys/key-format");
  const org = await db.organization.create({ data: { slug: "bench", name: "Bench", plan: "professional" } });
  const { secret } = await createKey(org.id, { scopes: ["read"] }, systemActor("bench"));
  const unknown = generateKey();
  const map = new Map<string, number>([[crypto.createHash("sha256").update(secret).digest("hex"), 1]]);
  const floor = await measure("floor: sha256 + Map.get", () => map.get(crypto.createHash("sha256").update(secret).digest("hex")));
  const hit = await measure("verifyKey: valid key, cache hit", async () => {
    const r = await verifyKey(secret);
    if (r.status !== "valid") throw new Error("bench key did not verify");
  });
  const miss = await measure("verifyKey: unknown key, negative cache", () => verifyKey(unknown));
  hit.note = `${(hit.p50us! / floor.p50us!).toFixed(2)}x floor (target <= 2x)`;
  miss.note = `${(miss.p50us! / floor.p50us!).toFixed(2)}x floor`;
  return { org, secret };
}

async function limiter() {
  const { consumeRateLimit, createCounter } = await import("@/lib/ratelimit/rate-limiter");
  const mem = createCounter(undefined, "bench-mem");
  let i = 0;
  await measure("rate limiter: in memory", () => consumeRateLimit(`k${i++ % 1000}`, 1e9, mem), { batches: 200, batch: 250 });
  const redis = createCounter(REDIS_URL, `bench-${Date.now()}`);
  await new Promise((r) => setTimeout(r, 200));
  // Redis is a network round trip: measure throughput with 50 requests in flight
  const n = 20_000;
  const t0 = process.hrtime.bigint();
  for (let b = 0; b < n / 50; b++) await Promise.all(Array.from({ length: 50 }, () => consumeRateLimit(`k${i++ % 1000}`, 1e9, redis)));
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  rows.push({ name: "rate limiter: Redis (50 in flight)", opsPerSec: Math.round(n / secs) });
}

async function waitFor(url: string, ms = 60_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const r = await fetch(url);
      if (r.status < 500) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server at ${url} did not start`);
}

type Mode = "keydesk" | "next";
type Server = { mode: Mode; base: string; child: ChildProcess };

function startServer(mode: Mode, port: number, nodeArgs: string[] = []): Server {
  const child = spawn(process.execPath, [...nodeArgs, "scripts/server.mjs"], {
    env: { ...process.env, PORT: String(port), HOSTNAME: "127.0.0.1", NODE_ENV: "production", AUTH_TRUST_HOST: "true", NEXT_TELEMETRY_DISABLED: "1", KEYDESK_API_DISPATCHER: mode },
    stdio: "ignore",
    detached: true,
  });
  return { mode, base: `http://127.0.0.1:${port}`, child };
}

async function stopServer(s: Server) {
  if (s.child.exitCode !== null || s.child.signalCode !== null) return;
  const exited = new Promise((resolve) => s.child.once("exit", resolve));
  try {
    process.kill(-s.child.pid!, "SIGTERM");
  } catch {}
  await exited;
}

const procStat = (pid: number) => fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
/** utime + stime of a process, in ms (clock ticks at 100 Hz on Linux). */
const cpuMs = (pid: number) => ((Number(procStat(pid)[11]) + Number(procStat(pid)[12])) * 1000) / 100;
const statusMb = (pid: number, field: "VmHWM" | "VmRSS") => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;

type Target = { name: string; path: string; headers: Record<string, string> };
type Run = { rps: number; p50: number; p99: number; cpuUsPerReq: number };

async function load(server: Server, t: Target, seconds = 4): Promise<Run> {
  const { default: autocannon } = await import("autocannon");
  const pid = server.child.pid!;
  return new Promise<Run>((resolve, reject) => {
    const c0 = cpuMs(pid);
    autocannon({ url: server.base + t.path, connections: 10, duration: seconds, headers: t.headers }, (err, res) => {
      if (err) return reject(err);
      if (res.non2xx > 0) return reject(new Error(`${server.mode} ${t.name}: ${res.non2xx} answers were not 2xx`));
      resolve({ rps: res.requests.average, p50: res.latency.p50, p99: res.latency.p99, cpuUsPerReq: ((cpuMs(pid) - c0) * 1000) / Math.max(1, res.requests.total) });
    });
  });
}

async function httpFixture(secret: string) {
  const { db } = await import("@/lib/db");
  const org = await db.organization.findUniqueOrThrow({ where: { slug: "bench" } });
  const a = await db.article.create({ data: { organizationId: org.id, title: "Bench", body: "x".repeat(2000), visibility: "external", published: true } });
  if (!fs.existsSync(".next/BUILD_ID")) {
    const b = spawnSync("npx", ["--no-install", "next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (b.status !== 0) throw new Error("next build failed");
  }
  // Rate limit out of the way: the bench key gets a limit no run reaches.
  await db.apiKey.updateMany({ where: { organizationId: org.id }, data: { rateLimitPerHour: 1_000_000_000 } });
  await db.approval.createMany({ data: Array.from({ length: 20 }, (_, i) => ({ organizationId: org.id, title: `Bench ${i}`, createdByType: "system", createdByLabel: "bench" })) });
  const key = { authorization: `Bearer ${secret}` };
  const targets: Target[] = [
    { name: "GET /api/health", path: "/api/health", headers: {} },
    { name: "keyed article", path: `/api/v1/articles/${a.id}`, headers: key },
    { name: "guest article", path: `/api/v1/articles/${a.id}`, headers: {} },
    { name: "keyed article list ?query=", path: "/api/v1/articles?query=Bench&per_page=10", headers: key },
    { name: "approvals list by key", path: "/api/v2/approvals/GetApprovalNotComplete", headers: key },
  ];
  return { org, targets };
}

/**
 * Both server modes side by side (Keydesk's API dispatcher, and Next serving /api), alternating
 * target by target and mode by mode, median of 3; then the ratios against issue 16's goals.
 */
async function http(secret: string) {
  const { org, targets } = await httpFixture(secret);
  const servers = [startServer("keydesk", PORT), startServer("next", PORT + 1)];
  try {
    await Promise.all(servers.map((s) => waitFor(`${s.base}/api/health`)));
    for (const s of servers) for (const t of targets) await load(s, t, 2); // warm-up of every path
    const rssBefore = new Map(servers.map((s) => [s.mode, statusMb(s.child.pid!, "VmRSS")]));
    const runs = new Map<string, Run[]>();
    for (let i = 0; i < 3; i++) {
      for (const t of targets) {
        for (const s of servers) {
          const k = `${s.mode} ${t.name}`;
          runs.set(k, [...(runs.get(k) ?? []), await load(s, t)]);
        }
      }
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
    const rps = (mode: Mode, name: string) => median(runs.get(`${mode} ${name}`)!.map((r) => r.rps));
    const p99 = (mode: Mode, name: string) => median(runs.get(`${mode} ${name}`)!.map((r) => r.p99));
    for (const s of servers) {
      const health = rps(s.mode, "GET /api/health");
      for (const t of targets) {
        const r = runs.get(`${s.mode} ${t.name}`)!;
        rows.push({
          name: `HTTP [${s.mode}] ${t.name} (req/s, median of 3)`,
          opsPerSec: Math.round(median(r.map((x) => x.rps))),
          p50us: median(r.map((x) => x.p50)) * 1000,
          p99us: median(r.map((x) => x.p99)) * 1000,
          note: `${Math.round(median(r.map((x) => x.cpuUsPerReq)))} µs server CPU/req; ${(median(r.map((x) => x.rps)) / health).toFixed(2)}x /api/health of this mode`,
        });
      }
    }
    const goal = (name: string, value: number, target: string, met: boolean) => rows.push({ name: `goal: ${name}`, opsPerSec: +value.toFixed(2), note: `${target}: ${met ? "met" : "NOT met"}` });
    for (const m of ["keydesk", "next"] as const) {
      const ratio = rps(m, "keyed article") / rps(m, "GET /api/health");
      goal(`[${m}] keyed article / /api/health, same server`, ratio, ">= 0.9x (part 2)", ratio >= 0.9);
      const kg = rps(m, "keyed article") / rps(m, "guest article");
      goal(`[${m}] keyed / guest article`, kg, ">= 0.95x", kg >= 0.95);
    }
    const fast = rps("keydesk", "keyed article") / rps("next", "GET /api/health");
    goal("keyed hot article [keydesk] / Next's GET /api/health [next]", fast, ">= 5x (part 3)", fast >= 5);
    const tail = p99("keydesk", "keyed article");
    goal("keyed hot article p99 ms at 10 connections [keydesk]", tail, "< 10 ms (part 3)", tail < 10);
    for (const s of servers) {
      const pid = s.child.pid!;
      const growth = statusMb(pid, "VmRSS") - rssBefore.get(s.mode)!;
      // the goal (issue 16, part 3) is the dispatcher's; Next's own growth is shown for comparison
      const verdict = s.mode === "keydesk" ? `(target < 50 MB: ${growth < 50 ? "met" : "NOT met"})` : "(for comparison)";
      rows.push({ name: `[${s.mode}] server memory (MB)`, opsPerSec: Math.round(statusMb(pid, "VmHWM")), note: `peak RSS ${statusMb(pid, "VmHWM").toFixed(0)} MB; growth under the measured load ${growth.toFixed(1)} MB ${verdict}` });
    }
    await propagation(`${servers[0]!.base}/api/v1/me`, secret, org.id);
  } finally {
    await Promise.all(servers.map(stopServer));
  }
}

/**
 * `--profile`: each mode's server under the keyed hot article with `node --cpu-prof`, the profile
 * cut to the measured seconds and summarised by group (Keydesk / Next / React / Prisma / Node) and
 * top functions (bench/profile.ts). Printed, and written to bench/profile-<mode>.md.
 */
async function profile(secret: string) {
  const { findCpuProfile, formatProfileSummary, monotonicUs, serverCpuProfArgs, summarizeCpuProfile } = await import("./profile");
  const { targets } = await httpFixture(secret);
  // BENCH_PROFILE_TARGET names another target (e.g. "guest article"); BENCH_PROFILE_MODES one mode
  const keyed = targets.find((t) => t.name === (process.env.BENCH_PROFILE_TARGET ?? "keyed article"))!;
  const modes = (process.env.BENCH_PROFILE_MODES ?? "keydesk,next").split(",") as Mode[];
  for (const mode of modes) {
    const dir = fs.mkdtempSync(path.join(tmp, `profile-${mode}-`));
    const server = startServer(mode, PORT + 2, serverCpuProfArgs(dir));
    try {
      await waitFor(`${server.base}/api/health`);
      await load(server, keyed, 3); // warm-up
      const fromUs = monotonicUs();
      const run = await load(server, keyed, 5);
      const toUs = monotonicUs();
      await stopServer(server); // the profile is written at exit
      const file = findCpuProfile(dir);
      if (!file) throw new Error(`no CPU profile was written for the ${mode} server`);
      const text = `### ${mode === "keydesk" ? "Keydesk's API dispatcher" : "Next serving /api"}: ${keyed.name}, ${Math.round(run.rps)} req/s, ${Math.round(run.cpuUsPerReq)} µs CPU/req\n\n${formatProfileSummary(summarizeCpuProfile(file, process.cwd(), { fromUs, toUs, top: Number(process.env.BENCH_PROFILE_TOP ?? 15) }))}\n`;
      console.log(`\n${text}`);
      fs.writeFileSync(`bench/profile-${mode}.md`, text);
    } finally {
      await stopServer(server);
    }
  }
}

/** Commit in this process, enforcement in the server: milliseconds until the server answers the new state. */
async function propagation(url: string, secret: string, organizationId: string) {
  const { db } = await import("@/lib/db");
  const { deleteKey, restoreKey } = await import("@/lib/keys/delete-key");
  const { systemActor } = await import("@/lib/audit/actor");
  const key = await db.apiKey.findFirstOrThrow({ where: { organizationId, deletedAt: null } });
  const headers = { authorization: `Bearer ${secret}` };
  const took: number[] = [];
  for (let i = 0; i < 40; i++) {
    const deleting = i % 2 === 0;
    await (deleting ? deleteKey : restoreKey)(organizationId, key.id, systemActor("bench"));
    const want = deleting ? 401 : 200;
    const t0 = performance.now();
    while ((await fetch(url, { headers })).status !== want) {
      if (performance.now() - t0 > 5000) throw new Error("a change did not reach the server within 5 s");
    }
    took.push(performance.now() - t0);
  }
  took.sort((a, b) => a - b);
  const p = (q: number) => +took[Math.min(took.length - 1, Math.floor(took.length * q))]!.toFixed(1);
  rows.push({ name: "propagation: commit elsewhere -> enforced by the server (ms, SQLite, polling)", opsPerSec: took.length, p50us: p(0.5) * 1000, p99us: p(0.99) * 1000, note: `p50 ${p(0.5)} ms, p99 ${p(0.99)} ms (target p99 < 1000 ms); ops/s column = samples` });
}

migrate();
const { secret } = await inProcess();
await limiter();
if (process.argv.includes("--profile")) await profile(secret);
else if (!process.argv.includes("--no-http")) await http(secret);

console.log("\nKeydesk bench (" + os.cpus().length + " cores, node " + process.version + ")\n");
console.table(rows.map((r) => ({ benchmark: r.name, "ops/s": r.opsPerSec, "p50 µs": r.p50us ?? "", "p99 µs": r.p99us ?? "", note: r.note ?? "" })));
fs.mkdirSync("bench", { recursive: true });
fs.writeFileSync("bench/results.json", JSON.stringify({ at: new Date().toISOString(), node: process.version, rows }, null, 2));
fs.rmSync(tmp, { recursive: true, force: true });
process.exit(0);
