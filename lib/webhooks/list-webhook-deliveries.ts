import "server-only";
import type { Granter } from "@/lib/auth/grants";
import { db } from "@/lib/db";
import { getWebhookOrThrow } from "@/lib/webhooks/get-webhook-or-throw";
import { serializeDelivery } from "@/lib/webhooks/serialize-webhook";

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
  return { data: rows.map((r) => serializeDelivery(r, opts.viewer)), page, per_page: perPage, total };
}
