// The delivery pass. All of its state is in the database (deliveries and their next attempt time),
// so a restart resumes where the last process stopped. Per endpoint, deliveries go strictly in order:
// only the oldest pending delivery of an endpoint may be sent, and it is claimed with a short lease
// (its nextAttemptAt moved past the request deadline), so no two are in flight for one endpoint, even
// with several server processes.
import "server-only";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { attemptDelivery, LEASE_MS } from "@/lib/webhooks/attempt-delivery";
import { clockOf, type WorkerOptions } from "@/lib/webhooks/worker-options";

export type RunSummary = { attempted: number; succeeded: number; failed: number; paused: string[] };

/** A runner keeps which endpoints it is serving; the server's loop has one, tests make their own. */
export function createDeliveryRunner(options: WorkerOptions = {}) {
  const now = clockOf(options);
  const concurrency = options.concurrency ?? 8;
  const perOrganization = options.perOrganization ?? 2;
  const inFlight = new Set<string>();

  /** Sends this endpoint's due deliveries in order, stopping at the first failure (later ones wait). */
  async function drainEndpoint(endpointId: string, summary: RunSummary, maxPerEndpoint: number) {
    if (inFlight.has(endpointId)) return;
    inFlight.add(endpointId);
    try {
      for (let i = 0; i < maxPerEndpoint; i++) {
        const t = now();
        const head = await db.webhookDelivery.findFirst({
          where: { endpointId, status: "pending" },
          orderBy: [{ createdAt: "asc" }, { eventId: "asc" }],
          include: { endpoint: { select: { enabled: true } } },
        });
        if (!head || !head.endpoint.enabled || head.nextAttemptAt > t) return;
        // The claim: only the worker whose conditional update matched sends it.
        const { count } = await db.webhookDelivery.updateMany({
          where: { id: head.id, status: "pending", nextAttemptAt: { lte: t } },
          data: { nextAttemptAt: new Date(t.getTime() + LEASE_MS) },
        });
        if (count === 0) return;
        const { result, paused } = await attemptDelivery(head.id, t, options);
        summary.attempted++;
        if (result.ok) summary.succeeded++;
        else summary.failed++;
        if (paused) summary.paused.push(endpointId);
        if (!result.ok) return;
      }
    } finally {
      inFlight.delete(endpointId);
    }
  }

  /**
   * One pass: every endpoint with a due delivery, a few at a time, at most `perOrganization` lanes per
   * organization: a tenant whose receivers hang (10 s timeouts) slows only itself. A lane takes the
   * first queued endpoint whose organization has a free slot, and ends when none has: the lanes still
   * serving those organizations take the rest of their endpoints.
   */
  async function runDueDeliveries(opts: { limit?: number; maxPerEndpoint?: number } = {}): Promise<RunSummary> {
    const summary: RunSummary = { attempted: 0, succeeded: 0, failed: 0, paused: [] };
    const limit = opts.limit ?? 100;
    const due = await db.webhookDelivery.findMany({
      where: { status: "pending", nextAttemptAt: { lte: now() }, endpoint: { enabled: true } },
      select: { endpointId: true, endpoint: { select: { organizationId: true } } },
      distinct: ["endpointId"],
      orderBy: { nextAttemptAt: "asc" },
      take: limit * 10,
    });
    // the pass's endpoints taken round-robin by organization: one with many due endpoints cannot
    // keep another's out of the pass
    const queue = fairByOrganization(due.map((d) => ({ id: d.endpointId, org: d.endpoint.organizationId })), limit);
    const busy = new Map<string, number>();
    const next = () => {
      const i = queue.findIndex((e) => (busy.get(e.org) ?? 0) < perOrganization);
      return i < 0 ? undefined : queue.splice(i, 1)[0];
    };
    const lanes = Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
      for (let e = next(); e; e = next()) {
        const { id, org } = e;
        busy.set(org, (busy.get(org) ?? 0) + 1);
        try {
          // One endpoint's trouble (deleted mid-flight, a database hiccup) must not stop the others.
          await drainEndpoint(id, summary, opts.maxPerEndpoint ?? 50).catch((err) => log.error({ err, endpointId: id }, "webhook delivery pass failed for an endpoint"));
        } finally {
          busy.set(org, (busy.get(org) ?? 1) - 1);
        }
      }
    });
    await Promise.all(lanes);
    return summary;
  }

  return { runDueDeliveries };
}

/** Up to `limit` items, one organization after another in turn, each organization's in their order. */
export function fairByOrganization<T extends { org: string }>(items: T[], limit: number): T[] {
  const byOrg = new Map<string, T[]>();
  for (const item of items) {
    const list = byOrg.get(item.org);
    if (list) list.push(item);
    else byOrg.set(item.org, [item]);
  }
  const out: T[] = [];
  for (let round = 0; out.length < limit; round++) {
    let took = false;
    for (const list of byOrg.values()) {
      if (round < list.length && out.length < limit) {
        out.push(list[round]);
        took = true;
      }
    }
    if (!took) break;
  }
  return out;
}

const defaultRunner = createDeliveryRunner();

/** One pass over due deliveries (tests pass `now`; the server's loop calls it every second). */
export function runDueDeliveries(opts: WorkerOptions & { limit?: number } = {}) {
  const { limit, ...options } = opts;
  const runner = Object.keys(options).length ? createDeliveryRunner(options) : defaultRunner;
  return runner.runDueDeliveries({ limit });
}
