// Reading articles: the list (search, category, visibility) and one article, as the audience may see them
// (guests: external and published only). Served from memory when this process read it before and
// nothing in the organization's knowledge base changed since (lib/kb/kb-cache.ts).
import "server-only";
import { containsInsensitive, db } from "@/lib/db";
import { ApiError } from "@/lib/http/problem";
import { kbCache } from "@/lib/kb/kb-cache";
import { serializeArticle } from "@/lib/kb/serialize";
import type { ListArticlesQuery } from "@/lib/validations/article";
import { listEnvelope } from "@/lib/validations/common";

export type Audience = "guest" | "member";

const visibleTo = (audience: Audience) => (audience === "guest" ? { visibility: "external" as const, published: true } : {});

function textMatch(q: string) {
  return { OR: [{ title: containsInsensitive(q) }, { body: containsInsensitive(q) }] };
}

export function listArticles(organizationId: string, audience: Audience, q: ListArticlesQuery) {
  const key = JSON.stringify(["articles", audience, q.page, q.per_page, q.query ?? "", q.category_id ?? "", q.visibility ?? ""]);
  return kbCache.read(organizationId, key, () => readArticleList(organizationId, audience, q));
}

async function readArticleList(organizationId: string, audience: Audience, q: ListArticlesQuery) {
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
  const article = await kbCache.read(organizationId, JSON.stringify(["article", audience, id]), async () => {
    const a = await db.article.findFirst({ where: { id, organizationId, ...visibleTo(audience) } });
    return a ? serializeArticle(a) : null;
  });
  if (!article) throw new ApiError("not_found", `No article with id ${id}.`);
  return article;
}
