// Reading categories (the list and one; from memory when unchanged, lib/kb/kb-cache.ts), and the check that a category belongs to the organization.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { ApiError } from "@/lib/http/problem";
import { kbCache } from "@/lib/kb/kb-cache";
import { serializeCategory } from "@/lib/kb/serialize";
import { listEnvelope } from "@/lib/validations/common";

/** A referenced category must be this organization's; the answer is the same whether it exists elsewhere or not. */
export async function assertCategoryInOrg(tx: Tx, organizationId: string, id: string, path: string) {
  const c = await tx.category.findFirst({ where: { id, organizationId }, select: { id: true, parentId: true } });
  if (!c) throw new ApiError("invalid_request", "The request has invalid fields.", { errors: [{ path, message: `No category with id ${id}` }] });
  return c;
}

export function listCategories(organizationId: string, q: { page: number; per_page: number; parent_id?: string }) {
  const key = JSON.stringify(["categories", q.page, q.per_page, q.parent_id ?? ""]);
  return kbCache.read(organizationId, key, () => readCategoryList(organizationId, q));
}

async function readCategoryList(organizationId: string, q: { page: number; per_page: number; parent_id?: string }) {
  const where = { organizationId, ...(q.parent_id ? { parentId: q.parent_id } : {}) };
  const [rows, total] = await Promise.all([
    db.category.findMany({ where, orderBy: [{ name: "asc" }, { id: "asc" }], skip: (q.page - 1) * q.per_page, take: q.per_page }),
    db.category.count({ where }),
  ]);
  return listEnvelope(rows.map(serializeCategory), q.page, q.per_page, total);
}

export async function getCategory(organizationId: string, id: string) {
  const category = await kbCache.read(organizationId, JSON.stringify(["category", id]), async () => {
    const c = await db.category.findFirst({ where: { id, organizationId } });
    return c ? serializeCategory(c) : null;
  });
  if (!category) throw new ApiError("not_found", `No category with id ${id}.`);
  return category;
}
