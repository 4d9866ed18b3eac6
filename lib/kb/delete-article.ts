// Deleting an article (audited; article.deleted).
import "server-only";
import { kbTransaction } from "@/lib/kb/kb-transaction";
import type { Actor } from "@/lib/audit/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { recordWebhookEvent } from "@/lib/webhooks/events";
import { ApiError } from "@/lib/http/problem";
import { serializeArticle } from "@/lib/kb/serialize";

export async function deleteArticle(organizationId: string, id: string, actor: Actor) {
  await kbTransaction(organizationId, async (tx) => {
    const a = await tx.article.findFirst({ where: { id, organizationId } });
    if (!a) throw new ApiError("not_found", `No article with id ${id}.`);
    await tx.article.delete({ where: { id } });
    await recordAuditEvent(tx, { organizationId, actor, action: "article.deleted", targetType: "article", targetId: id, metadata: { title: a.title } });
    await recordWebhookEvent(tx, { organizationId, type: "article.deleted", data: serializeArticle(a) });
  });
}
