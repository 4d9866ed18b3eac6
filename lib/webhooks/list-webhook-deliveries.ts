import "server-only";
import type { Granter } from "@/lib/auth/grants";
import { db } from "@/lib/db";
import { getWebhookOrThrow } from "@/lib/webhooks/get-webhook-or-throw";
import { serializeDelivery } from "@/lib/webhooks/serialize-webhook";
import { listEnvelope } from "@/lib/validations/common";

/** The delivery log of one endpoint, newest first, each delivery with its attempts (oldest first). */
export async function listWebhookDeliveries(
  organizationId: string,
  endpointId: string,
  opts: { page?: number; perPage?: number; status?: "pending" | "succeeded" | "failed"; viewer?: Granter } = {},
) {
  await getWebhookOrThrow(organizationId, endpointId);
  const page = opts.page ?? 1;
  const perPage = opts.perPage ?? 25;
  const where = { endpointId, ...(opts.status ? { status: opts.status } : {}) };
  const [rows, total] = await Promise.all([
    db.webhookDelivery.findMany({
      where, orderBy: [{ createdAt: "desc" }, { eventId: "desc" }], skip: (page - 1) * perPage, take: perPage,
      include: { event: true, attemptLog: { orderBy: { at: "asc" } } },
    }),
    db.webhookDelivery.count({ where }),
  ]);
  return listEnvelope(rows.map((r) => serializeDelivery(r, opts.viewer)), page, perPage, total);
}

/** The newest delivery of each endpoint with its last attempt: the list's "Last delivery" column. */
export async function lastDeliveries(endpointIds: string[]) {
  const rows = await Promise.all(
    endpointIds.map((endpointId) =>
      db.webhookDelivery.findFirst({
        where: { endpointId },
        orderBy: [{ createdAt: "desc" }, { eventId: "desc" }],
        select: { endpointId: true, status: true, createdAt: true, event: { select: { type: true } }, attemptLog: { orderBy: { at: "desc" }, take: 1, select: { statusCode: true } } },
      }),
    ),
  );
  return new Map(rows.filter((r) => r !== null).map((r) => [r.endpointId, r]));
}

/** Deliveries of an endpoint due within 90 s (or claimed right now): the page refreshes itself while there are any. */
export function countDueSoon(endpointId: string) {
  // a claim moves nextAttemptAt about a minute ahead; a retry hours away does not count
  return db.webhookDelivery.count({ where: { endpointId, status: "pending", nextAttemptAt: { lte: new Date(Date.now() + 90_000) } } });
}
