// What /api/health reports (and the settings page's banner reads): the database, the limiters' Redis,
// how current this process's change feed is, and the webhook worker. Only the database being
// unreachable makes the instance "down"; the rest makes it "degraded" (it still answers correctly).
import "server-only";
import { db } from "@/lib/db";
import { feedLagMs, STALE_AFTER_MS } from "@/lib/changes/feed-state";
import { limiterStoreHealth } from "@/lib/ratelimit/redis-connection";
import { webhookWorkerStatus } from "@/lib/webhooks/webhook-worker";

export type Health = {
  status: "ok" | "degraded" | "down";
  database: "ok" | "down";
  redis: "ok" | "connecting" | "down" | "not_configured";
  change_feed_lag_ms: number | null;
  webhook_worker: "running" | "housekeeping_only" | "stalled" | "not_running";
};

const WORKER_STALLED_AFTER_MS = 60_000;

async function databaseUp(timeoutMs = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  try {
    return await Promise.race([db.$queryRawUnsafe("SELECT 1").then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

function workerHealth(now: number): Health["webhook_worker"] {
  const w = webhookWorkerStatus();
  if (!w || w.stopped) return "not_running";
  // the loop passes every second; the first pass may still be running right after start
  if (w.lastPassAt !== null && now - w.lastPassAt > WORKER_STALLED_AFTER_MS) return "stalled";
  return w.delivering ? "running" : "housekeeping_only";
}

export async function getHealth(now = Date.now()): Promise<Health> {
  const database = (await databaseUp()) ? "ok" : "down";
  const redis = limiterStoreHealth();
  const lag = feedLagMs(now);
  const webhook_worker = workerHealth(now);
  const degraded = redis === "down" || (lag !== null && lag > STALE_AFTER_MS) || webhook_worker === "stalled";
  return { status: database === "down" ? "down" : degraded ? "degraded" : "ok", database, redis, change_feed_lag_ms: lag, webhook_worker };
}
