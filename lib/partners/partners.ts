// Partners: outside companies known by an email address, holding keys bounded by their level.
import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Partner } from "@/lib/generated/sqlite/client";
import { ApiError } from "@/lib/http/problem";
import { LEVEL_PERMISSIONS, partnerLevelOf } from "@/lib/partners/partner-levels";
import { listEnvelope } from "@/lib/validations/common";

export function partnerStatus(p: { deletedAt: Date | null; claimedAt: Date | null; lastActivityAt: Date | null }) {
  if (p.deletedAt) return "deleted" as const;
  return p.claimedAt || p.lastActivityAt ? ("active" as const) : ("invited" as const);
}

export function serializePartner(p: Partner & { _count?: { keys: number } }, keyCount?: number) {
  return {
    id: p.id,
    name: p.name,
    email: p.email,
    level: partnerLevelOf(p.level),
    status: partnerStatus(p),
    key_count: keyCount ?? p._count?.keys ?? 0,
    last_activity_at: p.lastActivityAt?.toISOString() ?? null,
    claimed_at: p.claimedAt?.toISOString() ?? null,
    disabled: p.disabled,
    deleted_at: p.deletedAt?.toISOString() ?? null,
    created_at: p.createdAt.toISOString(),
  };
}

export async function getPartnerOrThrow(organizationId: string, id: string, client: Tx | typeof db = db) {
  const p = await client.partner.findFirst({ where: { id, organizationId } });
  if (!p) throw new ApiError("not_found", `No partner with id ${id}.`);
  return { ...p, level: partnerLevelOf(p.level) };
}

/** The permissions a partner's level allows: what a key must hold to manage that partner. */
export async function partnerLevelPermissions(organizationId: string, id: string) {
  return LEVEL_PERMISSIONS[(await getPartnerOrThrow(organizationId, id)).level];
}

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

export async function getPartner(organizationId: string, id: string) {
  const p = await getPartnerOrThrow(organizationId, id);
  const count = await db.apiKey.count({ where: { partnerId: id, deletedAt: p.deletedAt ? undefined : null } });
  return serializePartner(p, count);
}

/** The names (and contact emails) of some of the organization's partners, by id: lists that show whose a key or endpoint is. */
export async function partnerNames(organizationId: string, ids: (string | null | undefined)[]): Promise<Map<string, { id: string; name: string; email: string }>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const rows = await db.partner.findMany({ where: { organizationId, id: { in: wanted } }, select: { id: true, name: true, email: true } });
  return new Map(rows.map((p) => [p.id, p]));
}
