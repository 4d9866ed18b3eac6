// The key page's chart: requests per day (or per hour) over the last `days` days, UTC, split 2xx /
// 4xx and 5xx / 429, every bucket present (empty ones as zero). Read through getUsage, so what this
// instance counted in memory is flushed first, as the API does.
import { getUsage } from "@/lib/usage/get-usage";

export type UsagePoint = { label: string; success: number; clientError: number; rateLimited: number };

const DAY = 864e5;
const HOUR = 36e5;

export async function keyUsageSeries(organizationId: string, keyId: string, days: number, by: "day" | "hour"): Promise<{ points: UsagePoint[]; total: number }> {
  const step = by === "day" ? DAY : HOUR;
  const end = Math.floor(Date.now() / step) * step; // start of the current bucket
  const count = by === "day" ? days : days * 24;
  const from = new Date(end - (count - 1) * step);
  const usage = await getUsage(organizationId, { key_id: keyId, from });
  const buckets = new Map<number, UsagePoint>();
  for (let i = 0; i < count; i++) {
    const t = from.getTime() + i * step;
    const iso = new Date(t).toISOString();
    buckets.set(t, { label: by === "day" ? iso.slice(5, 10) : `${iso.slice(5, 10)} ${iso.slice(11, 13)}h`, success: 0, clientError: 0, rateLimited: 0 });
  }
  let total = 0;
  for (const r of usage.data) {
    const b = buckets.get(Math.floor(new Date(r.hour).getTime() / step) * step);
    if (!b) continue;
    b.success += r.success;
    b.clientError += r.client_error + r.server_error;
    b.rateLimited += r.rate_limited;
    total += r.success + r.client_error + r.server_error + r.rate_limited;
  }
  return { points: [...buckets.values()], total };
}
