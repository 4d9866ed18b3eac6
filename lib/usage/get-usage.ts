import "server-only";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/http/problem";
import { flushUsage, hourOf } from "@/lib/usage/usage-recorder";

/** Hourly buckets by outcome, oldest first. Defaults to the last 7 days. */
export async function getUsage(organizationId: string, q: { key_id?: string; from?: Date; to?: Date }) {
  const to = q.to ?? new Date();
  const from = q.from ?? new Date(to.getTime() - 7 * 24 * 3600_000);
  if (q.key_id && !(await db.apiKey.findFirst({ where: { id: q.key_id, organizationId }, select: { id: true } }))) {
    throw new ApiError("not_found", `No API key with id ${q.key_id}.`);
  }
  await flushUsage(); // what this instance counted so far belongs in the answer
  const rows = await db.keyUsage.findMany({
    where: { organizationId, ...(q.key_id ? { keyId: q.key_id } : {}), hour: { gte: hourOf(from), lte: to } },
    orderBy: [{ hour: "asc" }, { keyId: "asc" }],
    take: 50_000,
  });
  const totals = { success: 0, client_error: 0, rate_limited: 0, server_error: 0 };
  const data = rows.map((r) => {
    totals.success += r.success; totals.client_error += r.clientError; totals.rate_limited += r.rateLimited; totals.server_error += r.serverError;
    return { key_id: r.keyId, hour: r.hour.toISOString(), success: r.success, client_error: r.clientError, rate_limited: r.rateLimited, server_error: r.serverError };
  });
  return { from: from.toISOString(), to: to.toISOString(), key_id: q.key_id ?? null, totals, data };
}
