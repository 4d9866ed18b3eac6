// Per-key limits over a fixed one-hour window (CONTRACT.md §6), by rate-limiter-flexible: in memory by
// default, Redis when REDIS_URL is set. The store only counts (its own limit is unbounded) and each
// request compares its count with the key's limit, so one counter serves every limit and a changed
// limit applies at once. The increment is atomic in both stores, so exactly `limit` requests pass
// however many arrive together.
//
// Decision (fail-open or closed): when Redis is unreachable, the insurance limiter (in memory, per
// instance) takes over, so limits still hold per instance and the API stays up.
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible";
import Redis from "ioredis";
import { env } from "@/lib/env";

export const WINDOW_SECONDS = 3600;

export type RateLimitState = { allowed: boolean; limit: number; remaining: number; resetSeconds: number };

const COUNT_ONLY = Number.MAX_SAFE_INTEGER;

export function createCounter(redisUrl?: string, keyPrefix = "keydesk:rl"): RateLimiterAbstract {
  const memory = new RateLimiterMemory({ points: COUNT_ONLY, duration: WINDOW_SECONDS, keyPrefix });
  if (!redisUrl) return memory;
  const client = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  client.on("error", () => {});
  return new RateLimiterRedis({ storeClient: client, points: COUNT_ONLY, duration: WINDOW_SECONDS, keyPrefix, insuranceLimiter: memory });
}

// On globalThis: Next bundles modules separately for route handlers and for pages/server actions;
// the dashboard's view of a key's window must read the same counter the API counts in.
const g = globalThis as unknown as { keydeskRateLimitCounter?: RateLimiterAbstract };
const getCounter = () => (g.keydeskRateLimitCounter ??= createCounter(env.redisUrl));

export async function consumeRateLimit(keyId: string, limit: number, store: RateLimiterAbstract = getCounter()): Promise<RateLimitState> {
  const res = await store.consume(keyId, 1);
  const resetSeconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  const allowed = res.consumedPoints <= limit;
  return { allowed, limit, remaining: Math.max(0, limit - res.consumedPoints), resetSeconds };
}

/** The current window without counting a request (for /me and the dashboard). */
export async function peekRateLimit(keyId: string, limit: number, store: RateLimiterAbstract = getCounter()): Promise<RateLimitState> {
  const res = await store.get(keyId);
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
