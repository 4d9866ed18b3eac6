// Articles of one organization. `audience` is what the caller may see: a guest only external,
// published articles; a key with articles:read everything of its organization.
import "server-only";
import { containsInsensitive, db } from "@/lib/db";
import type { Actor } from "@/lib/audit/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { recordWebhookEvent } from "@/lib/webhooks/events";
import { ApiError } from "@/lib/http/problem";
import { serializeArticle } from "@/lib/kb/serialize";
import { assertCategoryInOrg } from "@/lib/kb/categories";
import type { CreateArticleInput, ListArticlesQuery, UpdateArticleInput } from "@/lib/validations/article";
import { listEnvelope } from "@/lib/validations/common";

export type Audience = "guest" | "member";

const visibleTo = (audience: Audience) => (audience === "guest" ? { visibility: "external" as const, published: true } : {});

function textMatch(q: string) {
  return { OR: [{ title: containsInsensitive(q) }, { body: containsInsensitive(q) }] };
}

export async function listArticles(organizationId: string, audience: Audience, q: ListArticlesQuery) {
  const where = {
    organizationId,
    ...(q.category_id ? { categoryId: q.category_id } : {}),
    ...(q.visibility ? { visibility: q.visibility } : {}),
    ...visibleTo(audience),
    ...(q.query ? textMatch(q.query) : {}),
  };
  const [rows, total] = await Promise.all([
    db.article.findMany({ where, orderBy: [{ updatedAt: "desc" }, { id: "asc" }], skip: (q.page - 1) * q.per_page, take: q.per_page }),
    db.article.count({ where }),
  ]);
  return listEnvelope(rows.map(serializeArticle), q.page, q.per_page, total);
}

export async function getArticle(organizationId: string, id: string, audience: Audience) {
  const a = await db.article.findFirst({ where: { id, organizationId, ...visibleTo(audience) } });
  if (!a) throw new ApiError("not_found", `No article with id ${id}.`);
  return serializeArticle(a);
}

export async function createArticle(organizationId: string, input: CreateArticleInput, actor: Actor) {
  return db.$transaction(async (tx) => {
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

export async function updateArticle(organizationId: string, id: string, input: UpdateArticleInput, actor: Actor) {
  return db.$transaction(async (tx) => {
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

export async function deleteArticle(organizationId: string, id: string, actor: Actor) {
  await db.$transaction(async (tx) => {
    const a = await tx.article.findFirst({ where: { id, organizationId } });
    if (!a) throw new ApiError("not_found", `No article with id ${id}.`);
    await tx.article.delete({ where: { id } });
    await recordAuditEvent(tx, { organizationId, actor, action: "article.deleted", targetType: "article", targetId: id, metadata: { title: a.title } });
    await recordWebhookEvent(tx, { organizationId, type: "article.deleted", data: serializeArticle(a) });
  });
}
