// Next.js calls register() once when a server process starts. The webhook delivery worker runs inside
// the Node.js server (never the edge runtime, never during `next build`); its state is in the database,
// so a restart resumes pending deliveries. KEYDESK_WEBHOOK_WORKER=0 turns it off for a process.
export async function register() {
  // The documented shape: a condition on NEXT_RUNTIME that the bundler folds, so the edge build
  // never includes the worker (database, node:http).
  if (process.env.NEXT_RUNTIME === "nodejs") {
    if (process.env.NEXT_PHASE === "phase-production-build" || process.env.KEYDESK_WEBHOOK_WORKER === "0") return;
    const { startWebhookWorker } = await import("@/lib/webhooks/worker");
    startWebhookWorker();
    const { startMaintenance } = await import("@/lib/maintenance/start-maintenance");
    startMaintenance();
  }
}
