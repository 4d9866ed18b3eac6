// What a server process runs beside its requests: the change feed, housekeeping, webhook delivery,
// and the graceful shutdown that ends them. Started once per process from instrumentation.ts.
import "server-only";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { startChangeFeed, stopChangeFeed } from "@/lib/changes/change-feed";
import { startMaintenance } from "@/lib/maintenance/start-maintenance";
import { startKeyPolicies } from "@/lib/keys/run-key-policies";
import { stopUsageRecorder } from "@/lib/usage/usage-recorder";
import { startWebhookWorker } from "@/lib/webhooks/webhook-worker";

type Shutdown = () => Promise<void>;
const g = globalThis as unknown as { keydeskShutdown?: Shutdown };

export async function startServerBackground() {
  if (g.keydeskShutdown) return;
  await startChangeFeed().catch((err) => log.error({ err }, "the change feed could not start; cached entries will not be trusted"));
  const maintenance = startMaintenance();
  const policies = startKeyPolicies();
  const worker = startWebhookWorker({ deliver: env.webhookWorker });

  let done: Promise<void> | null = null;
  // Called by scripts/server.mjs once the listener is closed and in-flight requests are answered:
  // the usage counted for them is written last, after everything that could still count.
  g.keydeskShutdown = () =>
    (done ??= (async () => {
      worker.stop();
      maintenance.stop();
      policies.stop();
      await stopChangeFeed().catch(() => {});
      await stopUsageRecorder().catch((err) => log.error({ err }, "usage flush at shutdown failed"));
    })());

  // Under plain `next start` / `next dev` nobody calls it: flush on the signal ourselves.
  if (env.ownsShutdown) {
    for (const sig of ["SIGTERM", "SIGINT"] as const) process.once(sig, () => void g.keydeskShutdown!().finally(() => process.exit(0)));
  }
}
