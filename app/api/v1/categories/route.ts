import { parseBody, parseInput, searchParamsObject } from "@/lib/http/parse-body";
import { json } from "@/lib/http/respond";
import { withApiKey } from "@/lib/http/with-api-key";
import { createCategory } from "@/lib/kb/create-category";
import { listCategories } from "@/lib/kb/read-categories";
import { createCategorySchema, listCategoriesQuerySchema } from "@/lib/validations/category";

// GET /api/v1/categories — list categories (guests too)
export const GET = withApiKey(
  async ({ url, auth }) => json(await listCategories(auth.org.id, parseInput(listCategoriesQuerySchema, searchParamsObject(url), "The query"))),
  { permission: "categories:read", guest: true },
);

// POST /api/v1/categories — create a category
export const POST = withApiKey(
  async ({ req, auth }) => json(await createCategory(auth.org.id, await parseBody(req, createCategorySchema), auth.actor), 201),
  { permission: "categories:write" },
);
