// Anyone may report a key they found, without a credential: limited per client address (shared
// through Redis when configured), so the endpoint cannot be used to test keys in bulk.
import { attemptLimiter } from "@/lib/ratelimit/attempt-limiter";

export const LEAK_REPORTS_PER_HOUR = 30;

const limiter = attemptLimiter("leak-report", LEAK_REPORTS_PER_HOUR);

/** Seconds to wait when this address has used its hour's reports, else null. */
export function takeLeakReport(ip: string | null): Promise<number | null> {
  return limiter.take(ip ?? "unknown");
}
