// npm run bench — speed goals of the key engine (issue 3). Prints a table, writes bench/results.json.
//  1. in-process verification: a valid key on a cache hit, an unknown key (negative cache), against
//     the floor of one SHA-256 plus a Map look-up measured in the same run (target: hit <= 2x floor);
//  2. the rate limiter alone, in memory and on Redis;
//  3. over HTTP on scripts/server.mjs (autocannon, 10 connections, alternating runs, median of 3):
//     GET /api/health, a keyed article, the same article as a guest, a keyed article list with a
//     query and the approvals list by key: req/s, p50, p99, the server's CPU µs per request (from
//     /proc) and its peak RSS (target: keyed >= 95% of guest requests/s);
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

async function http(secret: string) {
  const { db } = await import("@/lib/db");
  const org = await db.organization.findUniqueOrThrow({ where: { slug: "bench" } });
  const a = await db.article.create({ data: { organizationId: org.id, title: "Bench", body: "x".repeat(2000), visibility: "external", published: true } });
  if (!fs.existsSync(".next/BUILD_ID")) {
    const b = spawnSync("npx", ["--no-install", "next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (b.status !== 0) throw new Error("next build failed");
  }
  const server: ChildProcess = spawn(process.execPath, ["scripts/server.mjs"], {
    env: { ...process.env, PORT: String(PORT), HOSTNAME: "127.0.0.1", NODE_ENV: "production", AUTH_TRUST_HOST: "true", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
    detached: true,
  });
  try {
    const base = `http://127.0.0.1:${PORT}`;
    await waitFor(`${base}/api/health`);
    const { default: autocannon } = await import("autocannon");
    // Rate limit out of the way: the bench key gets a limit no run reaches.
    await db.apiKey.updateMany({ where: { organizationId: org.id }, data: { rateLimitPerHour: 1_000_000_000 } });
    await db.approval.createMany({ data: Array.from({ length: 20 }, (_, i) => ({ organizationId: org.id, title: `Bench ${i}`, createdByType: "system", createdByLabel: "bench" })) });
    const key = { authorization: `Bearer ${secret}` };
    const targets: { name: string; path: string; headers: Record<string, string> }[] = [
      { name: "GET /api/health", path: "/api/health", headers: {} },
      { name: "keyed article", path: `/api/v1/articles/${a.id}`, headers: key },
      { name: "guest article", path: `/api/v1/articles/${a.id}`, headers: {} },
      { name: "keyed article list ?query=", path: "/api/v1/articles?query=Bench&per_page=10", headers: key },
      { name: "approvals list by key", path: "/api/v2/approvals/GetApprovalNotComplete", headers: key },
    ];
    type Run = { rps: number; p50: number; p99: number; cpuUsPerReq: number };
    const cpuMs = () => {
      // utime + stime of the server process, in clock ticks (100 Hz on Linux)
      const f = fs.readFileSync(`/proc/${server.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
    };
    const peakRssMb = () => Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${server.pid}/status`, "utf8"))![1]) / 1024;
    const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${server.pid}/status`, "utf8"))![1]) / 1024;
    const once = (t: (typeof targets)[number]) =>
      new Promise<Run>((resolve, reject) => {
        const c0 = cpuMs();
        autocannon({ url: base + t.path, connections: 10, duration: 4, headers: t.headers }, (err, res) => {
          if (err) return reject(err);
          if (res.non2xx > 0) return reject(new Error(`${t.name}: ${res.non2xx} answers were not 2xx`));
          resolve({ rps: res.requests.average, p50: res.latency.p50, p99: res.latency.p99, cpuUsPerReq: ((cpuMs() - c0) * 1000) / Math.max(1, res.requests.total) });
        });
      });
    for (const t of targets) await once(t); // warm-up of every path
    const rssBefore = rssMb();
    const runs = new Map<string, Run[]>(targets.map((t) => [t.name, []]));
    for (let i = 0; i < 3; i++) for (const t of targets) runs.get(t.name)!.push(await once(t)); // alternating
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
    const health = median(runs.get("GET /api/health")!.map((r) => r.rps));
    for (const t of targets) {
      const r = runs.get(t.name)!;
      const rps = Math.round(median(r.map((x) => x.rps)));
      rows.push({
        name: `HTTP ${t.name} (req/s, median of 3)`,
        opsPerSec: rps,
        p50us: median(r.map((x) => x.p50)) * 1000,
        p99us: median(r.map((x) => x.p99)) * 1000,
        note: `${Math.round(median(r.map((x) => x.cpuUsPerReq)))} µs server CPU/req; ${(rps / health).toFixed(2)}x /api/health`,
      });
    }
    const keyedRps = median(runs.get("keyed article")!.map((x) => x.rps));
    const guestRps = median(runs.get("guest article")!.map((x) => x.rps));
    rows.push({ name: "HTTP keyed vs guest article", opsPerSec: Math.round(keyedRps), note: `${((keyedRps / guestRps) * 100).toFixed(1)}% of guest (target >= 95%)` });
    rows.push({ name: "server memory (MB)", opsPerSec: Math.round(peakRssMb()), note: `peak RSS ${peakRssMb().toFixed(0)} MB; growth under the measured load ${(rssMb() - rssBefore).toFixed(1)} MB (issue 16 target < 50 MB)` });
    await propagation(`http://127.0.0.1:${PORT}/api/v1/me`, secret, org.id);
  } finally {
    try { process.kill(-server.pid!, "SIGTERM"); } catch {}
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
if (!process.argv.includes("--no-http")) await http(secret);

console.log("\nKeydesk bench (" + os.cpus().length + " cores, node " + process.version + ")\n");
console.table(rows.map((r) => ({ benchmark: r.name, "ops/s": r.opsPerSec, "p50 µs": r.p50us ?? "", "p99 µs": r.p99us ?? "", note: r.note ?? "" })));
fs.mkdirSync("bench", { recursive: true });
fs.writeFileSync("bench/results.json", JSON.stringify({ at: new Date().toISOString(), node: process.version, rows }, null, 2));
fs.rmSync(tmp, { recursive: true, force: true });
process.exit(0);
