import "server-only";
import { db } from "@/lib/db";
import { serializeWebhook } from "@/lib/webhooks/serialize-webhook";
import { listEnvelope } from "@/lib/validations/common";

/** The organization's endpoints, oldest first. */
export async function listWebhooks(organizationId: string, opts: { page?: number; perPage?: number; partnerId?: string } = {}) {
  const page = opts.page ?? 1;
  const perPage = opts.perPage ?? 25;
  const where = { organizationId, ...(opts.partnerId ? { partnerId: opts.partnerId } : {}) };
  const [rows, total] = await Promise.all([
    db.webhookEndpoint.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }], skip: (page - 1) * perPage, take: perPage }),
    db.webhookEndpoint.count({ where }),
  ]);
  return listEnvelope(rows.map((r) => serializeWebhook(r)), page, perPage, total);
}
