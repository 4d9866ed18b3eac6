import type { Article, Category } from "@/lib/generated/sqlite/client";

export function serializeArticle(a: Article) {
  return {
    id: a.id,
    title: a.title,
    body: a.body,
    category_id: a.categoryId,
    visibility: a.visibility,
    published: a.published,
    created_at: a.createdAt.toISOString(),
    updated_at: a.updatedAt.toISOString(),
  };
}

export function serializeCategory(c: Category) {
  return {
    id: c.id,
    name: c.name,
    description: c.description,
    parent_id: c.parentId,
    created_at: c.createdAt.toISOString(),
    updated_at: c.updatedAt.toISOString(),
  };
}

export type SerializedArticle = ReturnType<typeof serializeArticle>;
export type SerializedCategory = ReturnType<typeof serializeCategory>;
