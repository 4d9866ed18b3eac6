// An organization's partners: the list with key counts and last activity, and names by id.
import "server-only";
import { db } from "@/lib/db";
import { listEnvelope } from "@/lib/validations/common";
import { serializePartner } from "@/lib/partners/serialize-partner";

/** Partners with their live key count and last activity (the newest last use of their keys). */
export async function listPartners(organizationId: string, q: { status?: "active" | "deleted" | "all"; page?: number; perPage?: number } = {}) {
  const page = q.page ?? 1;
  const perPage = q.perPage ?? 25;
  const where = { organizationId, ...(q.status === "deleted" ? { deletedAt: { not: null } } : q.status === "all" ? {} : { deletedAt: null }) };
  const [rows, total] = await Promise.all([
    db.partner.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "asc" }], skip: (page - 1) * perPage, take: perPage }),
    db.partner.count({ where }),
  ]);
  const ids = rows.map((r) => r.id);
  const stats = ids.length
    ? await db.apiKey.groupBy({ by: ["partnerId"], where: { partnerId: { in: ids }, deletedAt: null }, _count: { _all: true }, _max: { lastUsedAt: true } })
    : [];
  const byId = new Map(stats.map((s) => [s.partnerId, s]));
  const data = rows.map((r) => {
    const s = byId.get(r.id);
    const lastUsed = s?._max.lastUsedAt ?? null;
    const last = [r.lastActivityAt, lastUsed].filter(Boolean).sort((a, b) => b!.getTime() - a!.getTime())[0] ?? null;
    return serializePartner({ ...r, lastActivityAt: last }, s?._count._all ?? 0);
  });
  return listEnvelope(data, page, perPage, total);
}

/** The names (and contact emails) of some of the organization's partners, by id: lists that show whose a key or endpoint is. */
export async function partnerNames(organizationId: string, ids: (string | null | undefined)[]): Promise<Map<string, { id: string; name: string; email: string }>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const rows = await db.partner.findMany({ where: { organizationId, id: { in: wanted } }, select: { id: true, name: true, email: true } });
  return new Map(rows.map((p) => [p.id, p]));
}
