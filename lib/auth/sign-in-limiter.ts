// Sign-in attempts: at most 10 a minute per email and per client IP, shared by every instance through
// Redis when REDIS_URL is set (in memory, per instance, without it or while it is down).
// Every attempt is counted atomically before the password is checked, so parallel guesses cannot
// slip past the limit; a successful sign-in is refunded, so only failures use up the allowance.
import "server-only";
import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { createLimiter, limiterReady, type Counter } from "@/lib/ratelimit/rate-limiter";

export const SIGN_IN_ATTEMPTS_PER_MINUTE = 10;

// On globalThis: Next bundles this module into several server chunks (the login action, the Auth.js
// route, the reveal action); one set of counters per process must serve them all.
const g = globalThis as unknown as { keydeskSignInLimiters?: { email: Counter; ip: Counter } };
const counters = (g.keydeskSignInLimiters ??= {
  email: createLimiter({ redisUrl: env.redisUrl, keyPrefix: "keydesk:signin:email", points: SIGN_IN_ATTEMPTS_PER_MINUTE, duration: 60 }),
  ip: createLimiter({ redisUrl: env.redisUrl, keyPrefix: "keydesk:signin:ip", points: SIGN_IN_ATTEMPTS_PER_MINUTE, duration: 60 }),
});
const limiters = async () => ({ byEmail: await limiterReady(counters.email), byIp: await limiterReady(counters.ip) });

export type SignInAttempt = { allowed: true } | { allowed: false; retryAfterSeconds: number };

async function take(limiter: RateLimiterAbstract, key: string): Promise<number | null> {
  try {
    await limiter.consume(key, 1);
    return null;
  } catch (e) {
    if (e instanceof RateLimiterRes) return Math.max(1, Math.ceil(e.msBeforeNext / 1000));
    throw e;
  }
}

/** Counts one attempt for this email and IP; refused when either has used its minute's allowance. */
export async function takeSignInAttempt(email: string, ip: string | null): Promise<SignInAttempt> {
  const { byEmail, byIp } = await limiters();
  const waits = await Promise.all([take(byEmail, email), ip ? take(byIp, ip) : Promise.resolve(null)]);
  const wait = Math.max(...waits.map((w) => w ?? 0));
  return wait > 0 ? { allowed: false, retryAfterSeconds: wait } : { allowed: true };
}

/** A successful sign-in does not count against the allowance. */
export async function refundSignInAttempt(email: string, ip: string | null) {
  const { byEmail, byIp } = await limiters();
  await Promise.all([byEmail.reward(email, 1), ip ? byIp.reward(ip, 1) : null]);
}

/** Seconds until this email or IP may try again (0 when it may now), without counting an attempt. */
export async function signInRetryAfter(email: string, ip: string | null): Promise<number> {
  const { byEmail, byIp } = await limiters();
  const res = await Promise.all([byEmail.get(email), ip ? byIp.get(ip) : null]);
  const blocked = res.filter((r): r is RateLimiterRes => r !== null && r.consumedPoints > SIGN_IN_ATTEMPTS_PER_MINUTE);
  return blocked.length ? Math.max(...blocked.map((r) => Math.ceil(r.msBeforeNext / 1000))) : 0;
}
