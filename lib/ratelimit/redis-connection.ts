// One Redis connection per process for the limiters (API keys, sign-in), and what it knows of Redis's
// health. A request waits (bounded) while the connection is first being made, so limits are exact
// from the first request after a start; only while Redis is really down do the limiters count in
// memory, per instance, and that is logged once per outage and shown by /api/health and the settings
// page.
import "server-only";
import Redis from "ioredis";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

export type RedisHealth = "ok" | "connecting" | "down";

export class RedisConnection {
  readonly client: Redis;
  private down = false;
  private downSince: number | null = null;
  private waiting: Promise<void> | null = null;

  constructor(url: string) {
    // Commands never queue: a command while disconnected fails at once and the limiter's insurance
    // (in memory) answers. Waiting for the first connection is ready()'s job, bounded.
    this.client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy: (n) => Math.min(200 * n, 2000) });
    this.client.on("ready", () => {
      if (this.down) log.warn({ down_ms: Date.now() - (this.downSince ?? Date.now()) }, "Redis is reachable again: rate limits are shared across instances again");
      this.down = false;
      this.downSince = null;
    });
    this.client.on("error", (err: Error) => this.markDown(err.message));
    this.client.on("close", () => this.markDown("connection closed"));
  }

  private markDown(why: string) {
    if (this.down) return;
    this.down = true;
    this.downSince = Date.now();
    log.warn({ why }, "Redis is unreachable: rate limits are counted per instance (in memory) until it is back");
  }

  health(): RedisHealth {
    if (this.client.status === "ready") return "ok";
    return this.down ? "down" : "connecting";
  }

  /** True when commands can go to Redis; waits for a first connection at most `waitMs`. */
  async ready(waitMs = env.rateLimitConnectWaitMs): Promise<boolean> {
    const h = this.health();
    if (h !== "connecting") return h === "ok";
    // one wait shared by every request that arrives meanwhile
    await (this.waiting ??= new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.client.off("ready", done);
        this.client.off("error", done);
        resolve();
      };
      const timer = setTimeout(done, waitMs);
      this.client.once("ready", done);
      this.client.once("error", done);
    }).finally(() => (this.waiting = null)));
    if (this.client.status === "ready") return true;
    this.markDown(`no connection within ${waitMs} ms`);
    return false;
  }
}

const g = globalThis as unknown as { keydeskRedisConnections?: Map<string, RedisConnection> };
const connections = (g.keydeskRedisConnections ??= new Map());

/** The process's connection to this Redis (one per URL, shared by every limiter and bundle). */
export function redisConnection(url: string): RedisConnection {
  let c = connections.get(url);
  if (!c) connections.set(url, (c = new RedisConnection(url)));
  return c;
}

/** For /api/health and the settings banner: the limiters' store. */
export function limiterStoreHealth(): RedisHealth | "not_configured" {
  return env.redisUrl ? redisConnection(env.redisUrl).health() : "not_configured";
}
