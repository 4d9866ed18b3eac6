// Changing an article (audited; article.updated, and article.published when it becomes published).
import "server-only";
import { kbTransaction } from "@/lib/kb/kb-transaction";
import type { Actor } from "@/lib/audit/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { recordWebhookEvent } from "@/lib/webhooks/events";
import { ApiError } from "@/lib/http/problem";
import { serializeArticle } from "@/lib/kb/serialize";
import { assertCategoryInOrg } from "@/lib/kb/read-categories";
import type { UpdateArticleInput } from "@/lib/validations/article";

export async function updateArticle(organizationId: string, id: string, input: UpdateArticleInput, actor: Actor) {
  return kbTransaction(organizationId, async (tx) => {
    const before = await tx.article.findFirst({ where: { id, organizationId } });
    if (!before) throw new ApiError("not_found", `No article with id ${id}.`);
    if (input.category_id) await assertCategoryInOrg(tx, organizationId, input.category_id, "category_id");
    const a = await tx.article.update({
      where: { id },
      data: {
        title: input.title, body: input.body, visibility: input.visibility, published: input.published,
        ...(input.category_id !== undefined ? { categoryId: input.category_id } : {}),
      },
    });
    await recordAuditEvent(tx, {
      organizationId, actor, action: "article.updated", targetType: "article", targetId: id,
      metadata: { changed: Object.keys(input), published: !before.published && a.published ? true : undefined },
    });
    await recordWebhookEvent(tx, { organizationId, type: "article.updated", data: serializeArticle(a) });
    if (!before.published && a.published) await recordWebhookEvent(tx, { organizationId, type: "article.published", data: serializeArticle(a) });
    return serializeArticle(a);
  });
}
