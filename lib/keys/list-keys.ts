import { containsInsensitive, db } from "@/lib/db";
import { keyInclude, serializeKey } from "@/lib/keys/serialize-key";

export type ListKeysParams = {
  status?: "active" | "deleted" | "all";
  query?: string;
  partnerId?: string;
  page?: number;
  perPage?: number;
  sort?: "created_desc" | "created_asc" | "name_asc" | "last_used_desc";
};

const orderBy = {
  created_desc: { createdAt: "desc" },
  created_asc: { createdAt: "asc" },
  name_asc: { name: "asc" },
  last_used_desc: { lastUsedAt: { sort: "desc", nulls: "last" } },
} as const;

export async function listKeys(organizationId: string, p: ListKeysParams = {}) {
  const page = p.page ?? 1;
  const perPage = p.perPage ?? 25;
  const where = {
    organizationId,
    ...(p.status === "deleted" ? { deletedAt: { not: null } } : p.status === "all" ? {} : { deletedAt: null }),
    ...(p.query ? { name: containsInsensitive(p.query) } : {}),
    ...(p.partnerId ? { partnerId: p.partnerId } : {}),
  };
  const [rows, total] = await Promise.all([
    db.apiKey.findMany({ where, include: keyInclude, orderBy: orderBy[p.sort ?? "created_desc"], skip: (page - 1) * perPage, take: perPage }),
    db.apiKey.count({ where }),
  ]);
  return { data: rows.map(serializeKey), page, per_page: perPage, total };
}
