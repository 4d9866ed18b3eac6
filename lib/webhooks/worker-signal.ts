// Lets a service wake the in-process delivery worker (a test event should not wait for the next poll).
// A separate module so services do not import the worker and its loop. The listeners live on
// globalThis: Next bundles instrumentation.ts and the route handlers separately, each with its own
// copy of this module.
const g = globalThis as unknown as { keydeskWebhookNudge?: Set<() => void> };
const listeners = (g.keydeskWebhookNudge ??= new Set());

export function onWebhookNudge(fn: () => void) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function nudgeWebhookWorker() {
  for (const fn of listeners) fn();
}
