// Per-key limits over a fixed one-hour window (CONTRACT.md §6), by rate-limiter-flexible: in memory by
// default, Redis when REDIS_URL is set. The store only counts (its own limit is unbounded) and each
// request compares its count with the key's limit, so one counter serves every limit and a changed
// limit applies at once. The increment is atomic in both stores, so exactly `limit` requests pass
// however many arrive together.
//
// Decision (fail-open or closed): while Redis is first connecting, requests wait for it (bounded,
// KEYDESK_RATE_LIMIT_CONNECT_WAIT_MS, 2 s), so limits are exact from the first request. When Redis is
// down, the insurance limiter (in memory, per instance) takes over, so limits still hold per instance
// and the API stays up; the outage is logged once and shown by /api/health.
import "server-only";
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { redisConnection, type RedisConnection } from "@/lib/ratelimit/redis-connection";

export const WINDOW_SECONDS = 3600;

export type RateLimitState = { allowed: boolean; limit: number; remaining: number; resetSeconds: number };

const COUNT_ONLY = Number.MAX_SAFE_INTEGER;

/** A limiter and, with Redis, the connection it waits for before its first count. */
export type Counter = { limiter: RateLimiterAbstract; connection: RedisConnection | null };

/** In memory, or on Redis with an in-memory insurance limiter for outages. */
export function createLimiter(opts: { redisUrl?: string; keyPrefix: string; points: number; duration: number }): Counter {
  const memory = new RateLimiterMemory({ points: opts.points, duration: opts.duration, keyPrefix: opts.keyPrefix });
  if (!opts.redisUrl) return { limiter: memory, connection: null };
  const connection = redisConnection(opts.redisUrl);
  const limiter = new RateLimiterRedis({ storeClient: connection.client, points: opts.points, duration: opts.duration, keyPrefix: opts.keyPrefix, insuranceLimiter: memory });
  return { limiter, connection };
}

export function createCounter(redisUrl?: string, keyPrefix = "keydesk:rl"): Counter {
  return createLimiter({ redisUrl, keyPrefix, points: COUNT_ONLY, duration: WINDOW_SECONDS });
}

/** Waits for a first Redis connection (bounded) so nothing is counted in memory merely because of a start. */
export async function limiterReady(c: Counter) {
  if (c.connection && c.connection.client.status !== "ready") await c.connection.ready();
  return c.limiter;
}

// On globalThis: Next bundles modules separately for route handlers and for pages/server actions;
// the dashboard's view of a key's window must read the same counter the API counts in.
const g = globalThis as unknown as { keydeskRateLimitCounter?: Counter };
const getCounter = () => (g.keydeskRateLimitCounter ??= createCounter(env.redisUrl));

export async function consumeRateLimit(keyId: string, limit: number, counter: Counter = getCounter()): Promise<RateLimitState> {
  const res = await (await limiterReady(counter)).consume(keyId, 1);
  const resetSeconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  const allowed = res.consumedPoints <= limit;
  return { allowed, limit, remaining: Math.max(0, limit - res.consumedPoints), resetSeconds };
}

/** The current window without counting a request (for /me and the dashboard). */
export async function peekRateLimit(keyId: string, limit: number, counter: Counter = getCounter()): Promise<RateLimitState> {
  const res = await (await limiterReady(counter)).get(keyId);
  if (!res) return { allowed: true, limit, remaining: limit, resetSeconds: WINDOW_SECONDS };
  return {
    allowed: res.consumedPoints < limit,
    limit,
    remaining: Math.max(0, limit - res.consumedPoints),
    resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
  };
}

export function rateLimitHeaders(s: RateLimitState): Record<string, string> {
  return {
    "RateLimit-Limit": String(s.limit),
    "RateLimit-Remaining": String(s.remaining),
    "RateLimit-Reset": String(s.resetSeconds),
    "RateLimit-Policy": `${s.limit};w=${WINDOW_SECONDS}`,
  };
}
