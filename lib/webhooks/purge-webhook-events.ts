// Housekeeping: forgets events older than `keepDays` (their deliveries and attempts go with them)
// once none of their deliveries is still pending: the log shows a month, the tables do not grow for ever.
import "server-only";
import { db } from "@/lib/db";
import { clockOf, type WorkerOptions } from "@/lib/webhooks/worker-options";

export const EVENT_RETENTION_DAYS = 30;

export async function purgeWebhookEvents(options: WorkerOptions & { keepDays?: number } = {}): Promise<number> {
  const cutoff = new Date(clockOf(options)().getTime() - (options.keepDays ?? EVENT_RETENTION_DAYS) * 24 * 3600e3);
  const { count } = await db.webhookEvent.deleteMany({ where: { createdAt: { lt: cutoff }, deliveries: { none: { status: "pending" } } } });
  return count;
}
