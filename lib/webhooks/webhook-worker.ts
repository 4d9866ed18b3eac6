// The scheduler inside the server process (lib/server/start-background.ts): a delivery pass every
// second, at once when a service nudges it, and the housekeeping jobs (key.expiring events, the
// purge of month-old events) every 10 minutes. Timers are unref'd; stop() ends it. The jobs are
// files of their own: run-due-deliveries, check-expiring-keys, purge-webhook-events.
import { log } from "@/lib/log";
import { checkExpiringKeys } from "@/lib/webhooks/check-expiring-keys";
import { purgeWebhookEvents } from "@/lib/webhooks/purge-webhook-events";
import { createDeliveryRunner } from "@/lib/webhooks/run-due-deliveries";
import { onWebhookNudge } from "@/lib/webhooks/worker-signal";

const globalForWorker = globalThis as unknown as { keydeskWebhookWorker?: { stop: () => void }; keydeskWebhookWorkerStatus?: WorkerStatus };

export type WorkerStatus = { delivering: boolean; lastPassAt: number | null; stopped: boolean };

/** For /api/health: whether this process delivers, and when its loop last finished a pass. */
export function webhookWorkerStatus(): WorkerStatus | null {
  return globalForWorker.keydeskWebhookWorkerStatus ?? null;
}

export function startWebhookWorker(opts: { intervalMs?: number; expiryCheckMs?: number; deliver?: boolean } = {}) {
  if (globalForWorker.keydeskWebhookWorker) return globalForWorker.keydeskWebhookWorker;
  // deliver: false (KEYDESK_WEBHOOK_WORKER=0) keeps the housekeeping (expiry events, purge) and sends nothing
  const deliver = opts.deliver ?? true;
  const status: WorkerStatus = (globalForWorker.keydeskWebhookWorkerStatus = { delivering: deliver, lastPassAt: null, stopped: false });
  const intervalMs = opts.intervalMs ?? 1000;
  const expiryCheckMs = opts.expiryCheckMs ?? 10 * 60e3;
  const runner = createDeliveryRunner();
  let stopped = false;
  let running = false;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  let lastExpiryCheck = 0;

  const schedule = (ms: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => void tick(), ms);
    timer.unref();
  };
  async function tick() {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      if (Date.now() - lastExpiryCheck >= expiryCheckMs) {
        lastExpiryCheck = Date.now();
        await checkExpiringKeys();
        await purgeWebhookEvents();
      }
      if (deliver) await runner.runDueDeliveries();
      status.lastPassAt = Date.now();
    } catch (e) {
      log.error({ err: e }, "webhook worker pass failed");
    } finally {
      running = false;
      schedule(again ? 0 : intervalMs);
      again = false;
    }
  }
  const off = deliver ? onWebhookNudge(() => schedule(0)) : () => {};
  schedule(0);
  log.info(deliver ? "webhook delivery worker started" : "webhook delivery is off in this process (KEYDESK_WEBHOOK_WORKER=0); housekeeping runs");
  const handle = {
    stop() {
      stopped = true;
      status.stopped = true;
      clearTimeout(timer);
      off();
      delete globalForWorker.keydeskWebhookWorker;
    },
  };
  globalForWorker.keydeskWebhookWorker = handle;
  return handle;
}
