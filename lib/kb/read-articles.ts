// Reading articles: the list (search, category, visibility) and one article, as the audience may see them
// (guests: external and published only).
import "server-only";
import { containsInsensitive, db } from "@/lib/db";
import { ApiError } from "@/lib/http/problem";
import { serializeArticle } from "@/lib/kb/serialize";
import type { ListArticlesQuery } from "@/lib/validations/article";
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
