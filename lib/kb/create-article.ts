// Creating an article (audited; article.created and, when published, article.published webhooks).
import "server-only";
import { kbTransaction } from "@/lib/kb/kb-transaction";
import type { Actor } from "@/lib/audit/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { recordWebhookEvent } from "@/lib/webhooks/events";
import { serializeArticle } from "@/lib/kb/serialize";
import { assertCategoryInOrg } from "@/lib/kb/read-categories";
import type { CreateArticleInput } from "@/lib/validations/article";

export async function createArticle(organizationId: string, input: CreateArticleInput, actor: Actor) {
  return kbTransaction(organizationId, async (tx) => {
    if (input.category_id) await assertCategoryInOrg(tx, organizationId, input.category_id, "category_id");
    const a = await tx.article.create({
      data: {
        organizationId, title: input.title, body: input.body, categoryId: input.category_id ?? null,
        visibility: input.visibility, published: input.published,
      },
    });
    await recordAuditEvent(tx, { organizationId, actor, action: "article.created", targetType: "article", targetId: a.id, metadata: { title: a.title } });
    await recordWebhookEvent(tx, { organizationId, type: "article.created", data: serializeArticle(a) });
    if (a.published) await recordWebhookEvent(tx, { organizationId, type: "article.published", data: serializeArticle(a) });
    return serializeArticle(a);
  });
}
