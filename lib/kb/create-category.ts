// Creating a category (audited; category.created).
import "server-only";
import { kbTransaction } from "@/lib/kb/kb-transaction";
import type { Actor } from "@/lib/audit/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { recordWebhookEvent } from "@/lib/webhooks/events";
import { serializeCategory } from "@/lib/kb/serialize";
import type { CreateCategoryInput } from "@/lib/validations/category";
import { assertCategoryInOrg } from "@/lib/kb/read-categories";

export async function createCategory(organizationId: string, input: CreateCategoryInput, actor: Actor) {
  return kbTransaction(organizationId, async (tx) => {
    if (input.parent_id) await assertCategoryInOrg(tx, organizationId, input.parent_id, "parent_id");
    const c = await tx.category.create({ data: { organizationId, name: input.name, description: input.description, parentId: input.parent_id ?? null } });
    await recordAuditEvent(tx, { organizationId, actor, action: "category.created", targetType: "category", targetId: c.id, metadata: { name: c.name } });
    await recordWebhookEvent(tx, { organizationId, type: "category.created", data: serializeCategory(c) });
    return serializeCategory(c);
  });
}
