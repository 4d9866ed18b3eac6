import { z } from "zod";
import { paginationSchema } from "@/lib/validations/common";

const title = z.string().trim().min(1, "Title cannot be empty").max(200);
const body = z.string().max(500_000);
const visibility = z.enum(["external", "internal"]);
const categoryId = z.string().min(1).max(64).nullable();

export const createArticleSchema = z.strictObject({
  title,
  body: body.default(""),
  category_id: categoryId.optional(),
  visibility: visibility.default("internal"),
  published: z.boolean().default(false),
});

// The update schema is the create schema with every field optional and no defaults.
export const updateArticleSchema = z
  .strictObject({ title, body, category_id: categoryId, visibility, published: z.boolean() })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "Give at least one field to change" });

export const listArticlesQuerySchema = paginationSchema.extend({
  query: z.string().trim().max(200).optional(),
  category_id: z.string().min(1).max(64).optional(),
  visibility: visibility.optional(),
});

export type CreateArticleInput = z.infer<typeof createArticleSchema>;
export type UpdateArticleInput = z.infer<typeof updateArticleSchema>;
export type ListArticlesQuery = z.infer<typeof listArticlesQuerySchema>;
