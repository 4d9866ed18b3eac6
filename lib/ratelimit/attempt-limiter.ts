// "At most N of these an hour per address/email": a named limiter shared through Redis when
// configured (the in-memory insurance while it is down), for requests anyone can make without a
// key: leak reports, password-reset mails. `take` answers the seconds to wait, or null when allowed.
import "server-only";
import { RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { createLimiter, limiterReady, type Counter } from "@/lib/ratelimit/rate-limiter";

const g = globalThis as unknown as { keydeskAttemptLimiters?: Map<string, Counter> };
const limiters = (g.keydeskAttemptLimiters ??= new Map());

export function attemptLimiter(name: string, points: number, durationSeconds = 3600) {
  const counter = (): Counter => {
    let c = limiters.get(name);
    if (!c) limiters.set(name, (c = createLimiter({ redisUrl: env.redisUrl, keyPrefix: `keydesk:${name}`, points, duration: durationSeconds })));
    return c;
  };
  return {
    async take(key: string): Promise<number | null> {
      try {
        await (await limiterReady(counter())).consume(key, 1);
        return null;
      } catch (e) {
        if (e instanceof RateLimiterRes) return Math.max(1, Math.ceil(e.msBeforeNext / 1000));
        throw e;
      }
    },
  };
}
