// Categories of one organization. Guests may read them (they hold no content of their own).
import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/audit/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { recordWebhookEvent } from "@/lib/webhooks/events";
import { ApiError } from "@/lib/http/problem";
import { serializeCategory } from "@/lib/kb/serialize";
import type { CreateCategoryInput, UpdateCategoryInput } from "@/lib/validations/category";
import { listEnvelope } from "@/lib/validations/common";

/** A referenced category must be this organization's; the answer is the same whether it exists elsewhere or not. */
export async function assertCategoryInOrg(tx: Tx, organizationId: string, id: string, path: string) {
  const c = await tx.category.findFirst({ where: { id, organizationId }, select: { id: true, parentId: true } });
  if (!c) throw new ApiError("invalid_request", "The request has invalid fields.", { errors: [{ path, message: `No category with id ${id}` }] });
  return c;
}

export async function listCategories(organizationId: string, q: { page: number; per_page: number; parent_id?: string }) {
  const where = { organizationId, ...(q.parent_id ? { parentId: q.parent_id } : {}) };
  const [rows, total] = await Promise.all([
    db.category.findMany({ where, orderBy: [{ name: "asc" }, { id: "asc" }], skip: (q.page - 1) * q.per_page, take: q.per_page }),
    db.category.count({ where }),
  ]);
  return listEnvelope(rows.map(serializeCategory), q.page, q.per_page, total);
}

export async function getCategory(organizationId: string, id: string) {
  const c = await db.category.findFirst({ where: { id, organizationId } });
  if (!c) throw new ApiError("not_found", `No category with id ${id}.`);
  return serializeCategory(c);
}

export async function createCategory(organizationId: string, input: CreateCategoryInput, actor: Actor) {
  return db.$transaction(async (tx) => {
    if (input.parent_id) await assertCategoryInOrg(tx, organizationId, input.parent_id, "parent_id");
    const c = await tx.category.create({ data: { organizationId, name: input.name, description: input.description, parentId: input.parent_id ?? null } });
    await recordAuditEvent(tx, { organizationId, actor, action: "category.created", targetType: "category", targetId: c.id, metadata: { name: c.name } });
    await recordWebhookEvent(tx, { organizationId, type: "category.created", data: serializeCategory(c) });
    return serializeCategory(c);
  });
}

export async function updateCategory(organizationId: string, id: string, input: UpdateCategoryInput, actor: Actor) {
  return db.$transaction(async (tx) => {
    const before = await tx.category.findFirst({ where: { id, organizationId } });
    if (!before) throw new ApiError("not_found", `No category with id ${id}.`);
    if (input.parent_id) {
      // Walk up from the new parent: reaching this category would make a cycle.
      let cursor: string | null = input.parent_id;
      for (let depth = 0; cursor; depth++) {
        if (cursor === id || depth > 100) throw new ApiError("invalid_request", "The request has invalid fields.", { errors: [{ path: "parent_id", message: "A category cannot be inside itself" }] });
        cursor = (await assertCategoryInOrg(tx, organizationId, cursor, "parent_id")).parentId;
      }
    }
    const c = await tx.category.update({ where: { id }, data: { name: input.name, description: input.description, ...(input.parent_id !== undefined ? { parentId: input.parent_id } : {}) } });
    await recordAuditEvent(tx, { organizationId, actor, action: "category.updated", targetType: "category", targetId: id, metadata: { changed: Object.keys(input) } });
    await recordWebhookEvent(tx, { organizationId, type: "category.updated", data: serializeCategory(c) });
    return serializeCategory(c);
  });
}

/** Deleting a category keeps its articles (uncategorized) and lifts its children to the top. */
export async function deleteCategory(organizationId: string, id: string, actor: Actor) {
  await db.$transaction(async (tx) => {
    const c = await tx.category.findFirst({ where: { id, organizationId } });
    if (!c) throw new ApiError("not_found", `No category with id ${id}.`);
    await tx.category.delete({ where: { id } });
    await recordAuditEvent(tx, { organizationId, actor, action: "category.deleted", targetType: "category", targetId: id, metadata: { name: c.name } });
    await recordWebhookEvent(tx, { organizationId, type: "category.deleted", data: serializeCategory(c) });
  });
}
