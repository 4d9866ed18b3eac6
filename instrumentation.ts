// Next.js calls register() once when a server process starts, in the Node.js runtime only (never the
// edge runtime, never during `next build`). Every server process tails the change feed (so even an
// instance that serves only guests hears every change) and runs the housekeeping; the webhook delivery
// worker too, unless KEYDESK_WEBHOOK_WORKER=0 (delivery only: housekeeping still runs).
export async function register() {
  // The documented shape: a condition on NEXT_RUNTIME that the bundler folds, so the edge build
  // never includes the server's background work (database, node:http).
  if (process.env.NEXT_RUNTIME === "nodejs") {
    if (process.env.NEXT_PHASE === "phase-production-build") return;
    const { startServerBackground } = await import("@/lib/server/start-background");
    await startServerBackground();
  }
}
