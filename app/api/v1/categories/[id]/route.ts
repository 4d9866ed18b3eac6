import { parseBody } from "@/lib/http/parse-body";
import { json, noContent } from "@/lib/http/respond";
import { withApiKey } from "@/lib/http/with-api-key";
import { deleteCategory } from "@/lib/kb/delete-category";
import { getCategory } from "@/lib/kb/read-categories";
import { updateCategory } from "@/lib/kb/update-category";
import { updateCategorySchema } from "@/lib/validations/category";

type Params = { id: string };

// GET /api/v1/categories/{id} — one category
export const GET = withApiKey<Params>(
  async ({ params, auth }) => json(await getCategory(auth.org.id, params.id)),
  { permission: "categories:read", guest: true },
);

// PATCH /api/v1/categories/{id} — change a category
export const PATCH = withApiKey<Params>(
  async ({ req, params, auth }) => json(await updateCategory(auth.org.id, params.id, await parseBody(req, updateCategorySchema), auth.actor)),
  { permission: "categories:write" },
);

// DELETE /api/v1/categories/{id} — delete a category (its articles stay, uncategorized)
export const DELETE = withApiKey<Params>(
  async ({ params, auth }) => {
    await deleteCategory(auth.org.id, params.id, auth.actor);
    return noContent();
  },
  { permission: "categories:write" },
);
