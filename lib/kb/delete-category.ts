// Deleting a category (audited; category.deleted).
import "server-only";
import { kbTransaction } from "@/lib/kb/kb-transaction";
import type { Actor } from "@/lib/audit/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { recordWebhookEvent } from "@/lib/webhooks/events";
import { ApiError } from "@/lib/http/problem";
import { serializeCategory } from "@/lib/kb/serialize";

/** Deleting a category keeps its articles (uncategorized) and lifts its children to the top. */
export async function deleteCategory(organizationId: string, id: string, actor: Actor) {
  await kbTransaction(organizationId, async (tx) => {
    const c = await tx.category.findFirst({ where: { id, organizationId } });
    if (!c) throw new ApiError("not_found", `No category with id ${id}.`);
    await tx.category.delete({ where: { id } });
    await recordAuditEvent(tx, { organizationId, actor, action: "category.deleted", targetType: "category", targetId: id, metadata: { name: c.name } });
    await recordWebhookEvent(tx, { organizationId, type: "category.deleted", data: serializeCategory(c) });
  });
}
