// Changing a category (audited; category.updated).
import "server-only";
import { kbTransaction } from "@/lib/kb/kb-transaction";
import type { Actor } from "@/lib/audit/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { recordWebhookEvent } from "@/lib/webhooks/events";
import { ApiError } from "@/lib/http/problem";
import { serializeCategory } from "@/lib/kb/serialize";
import type { UpdateCategoryInput } from "@/lib/validations/category";
import { assertCategoryInOrg } from "@/lib/kb/read-categories";

export async function updateCategory(organizationId: string, id: string, input: UpdateCategoryInput, actor: Actor) {
  return kbTransaction(organizationId, async (tx) => {
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
