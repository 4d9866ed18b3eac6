// npm run bench — speed goals of the key engine (issue 3). Prints a table, writes bench/results.json.
//  1. in-process verification: a valid key on a cache hit, an unknown key (negative cache), against
//     the floor of one SHA-256 plus a Map look-up measured in the same run (target: hit <= 2x floor);
//  2. the rate limiter alone, in memory and on Redis;
//  3. over HTTP on scripts/server.mjs: GET /api/v1/articles/{id} with a key vs the same article as a
//     guest, autocannon on 127.0.0.1, alternating runs (target: keyed >= 95% of guest requests/s);
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
    const url = `http://127.0.0.1:${PORT}/api/v1/articles/${a.id}`;
    await waitFor(url);
    const { default: autocannon } = await import("autocannon");
    const run = (headers: Record<string, string>) =>
      new Promise<number>((resolve, reject) =>
        autocannon({ url, connections: 10, duration: 5, headers }, (err, res) => (err ? reject(err) : resolve(res.requests.average))),
      );
    const keyed: number[] = [];
    const guest: number[] = [];
    const keyHeaders = { authorization: `Bearer ${secret}` };
    // Rate limit out of the way: the bench key gets a limit no run reaches.
    await db.apiKey.updateMany({ where: { organizationId: org.id }, data: { rateLimitPerHour: 1_000_000_000 } });
    await run(keyHeaders); // warm-up of both paths
    await run({});
    for (let i = 0; i < 3; i++) {
      keyed.push(await run(keyHeaders));
      guest.push(await run({}));
    }
    const mean = (xs: number[]) => Math.round(xs.reduce((s, x) => s + x, 0) / xs.length);
    const ratio = mean(keyed) / mean(guest);
    rows.push({ name: "HTTP GET article, guest (req/s)", opsPerSec: mean(guest) });
    rows.push({ name: "HTTP GET article, keyed (req/s)", opsPerSec: mean(keyed), note: `${(ratio * 100).toFixed(1)}% of guest (target >= 95%)` });
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
