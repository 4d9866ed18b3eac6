// Anyone may report a key they found, without a credential: limited per client address (shared
// through Redis when configured), so the endpoint cannot be used to test keys in bulk.
import { RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { createLimiter, limiterReady, type Counter } from "@/lib/ratelimit/rate-limiter";

export const LEAK_REPORTS_PER_HOUR = 30;

const g = globalThis as unknown as { keydeskLeakReportLimiter?: Counter };
const counter = () => (g.keydeskLeakReportLimiter ??= createLimiter({ redisUrl: env.redisUrl, keyPrefix: "keydesk:leak-report", points: LEAK_REPORTS_PER_HOUR, duration: 3600 }));

/** Seconds to wait when this address has used its hour's reports, else null. */
export async function takeLeakReport(ip: string | null): Promise<number | null> {
  try {
    await (await limiterReady(counter())).consume(ip ?? "unknown", 1);
    return null;
  } catch (e) {
    if (e instanceof RateLimiterRes) return Math.max(1, Math.ceil(e.msBeforeNext / 1000));
    throw e;
  }
}
