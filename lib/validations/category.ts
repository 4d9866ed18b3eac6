import { z } from "zod";
import { paginationSchema } from "@/lib/validations/common";

const name = z.string().trim().min(1, "Name cannot be empty").max(100);
const description = z.string().max(2000);
const parentId = z.string().min(1).max(64).nullable();

export const createCategorySchema = z.strictObject({
  name,
  description: description.default(""),
  parent_id: parentId.optional(),
});

export const updateCategorySchema = z
  .strictObject({ name, description, parent_id: parentId })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "Give at least one field to change" });

export const listCategoriesQuerySchema = paginationSchema.extend({
  parent_id: z.string().min(1).max(64).optional(),
});

export type CreateCategoryInput = z.infer<typeof createCategorySchema>;
export type UpdateCategoryInput = z.infer<typeof updateCategorySchema>;
