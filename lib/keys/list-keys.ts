import "server-only";
import { containsInsensitive, db } from "@/lib/db";
import { RESTORE_WINDOW_MS } from "@/lib/keys/delete-key";
import type { Permission, Preset } from "@/lib/keys/permissions";
import { keyInclude, serializeKey } from "@/lib/keys/serialize-key";
import { DEFAULT_KEY_SORT, type KeySort } from "@/lib/keys/key-sorts";
import { listEnvelope } from "@/lib/validations/common";

export type ListKeysParams = {
  status?: "active" | "deleted" | "all";
  query?: string;
  partnerId?: string;
  /** A preset, or "custom" for fine-grained keys. */
  preset?: Preset | "custom";
  /** Keys that hold this permission (a write permission counts for its read). */
  permission?: Permission;
  page?: number;
  perPage?: number;
  sort?: KeySort;
  /** Decoys are listed apart: true lists only decoys, otherwise none. */
  canary?: boolean;
  /** Keys that expire within this many days (and have not yet). */
  expiresWithinDays?: number;
};

const KEY_SORTS = {
  created_desc: [{ createdAt: "desc" }, { id: "desc" }],
  created_asc: [{ createdAt: "asc" }, { id: "asc" }],
  name_asc: [{ name: "asc" }, { id: "asc" }],
  last_used_desc: [{ lastUsedAt: { sort: "desc", nulls: "last" } }, { id: "desc" }],
} as const satisfies Record<KeySort, readonly object[]>;

/** The organization's keys, filtered, sorted and paginated (the dashboard and GET /api/v1/keys). */
export async function listKeys(organizationId: string, p: ListKeysParams = {}) {
  const page = p.page ?? 1;
  const perPage = p.perPage ?? 25;
  const holding = p.permission ? (p.permission.endsWith(":read") ? [p.permission, p.permission.replace(/:read$/, ":write")] : [p.permission]) : null;
  const where = {
    organizationId,
    canary: p.canary ?? false,
    ...(p.expiresWithinDays ? { expiresAt: { gt: new Date(), lte: new Date(Date.now() + p.expiresWithinDays * 864e5) } } : {}),
    // deleted keys are listed while they can still be restored
    ...(p.status === "deleted" ? { deletedAt: { not: null, gt: new Date(Date.now() - RESTORE_WINDOW_MS) } } : p.status === "all" ? {} : { deletedAt: null }),
    ...(p.query ? { name: containsInsensitive(p.query) } : {}),
    ...(p.partnerId ? { partnerId: p.partnerId } : {}),
    ...(p.preset ? { preset: p.preset === "custom" ? null : p.preset } : {}),
    ...(holding ? { OR: holding.map((perm) => ({ permissionsIndex: { contains: `|${perm}|` } })) } : {}),
  };
  const [rows, total] = await Promise.all([
    db.apiKey.findMany({ where, include: keyInclude, orderBy: [...KEY_SORTS[p.sort ?? DEFAULT_KEY_SORT]], skip: (page - 1) * perPage, take: perPage }),
    db.apiKey.count({ where }),
  ]);
  return listEnvelope(rows.map(serializeKey), page, perPage, total);
}

/** Whether the organization has any key live (active list) or deleted (the "Recently deleted" link). */
export async function hasKeys(organizationId: string, which: "live" | "deleted"): Promise<boolean> {
  const n = await db.apiKey.count({ where: { organizationId, deletedAt: which === "live" ? null : { not: null } }, take: 1 });
  return n > 0;
}
