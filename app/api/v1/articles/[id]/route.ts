import { parseBody } from "@/lib/http/parse-body";
import { json, noContent } from "@/lib/http/respond";
import { withApiKey } from "@/lib/http/with-api-key";
import { deleteArticle } from "@/lib/kb/delete-article";
import { getArticle } from "@/lib/kb/read-articles";
import { updateArticle } from "@/lib/kb/update-article";
import { updateArticleSchema } from "@/lib/validations/article";

type Params = { id: string };

// GET /api/v1/articles/{id} — one article (guests: only an external, published one)
export const GET = withApiKey<Params>(
  async ({ params, auth }) => json(await getArticle(auth.org.id, params.id, auth.kind === "guest" ? "guest" : "member")),
  { permission: "articles:read", guest: true },
);

// PATCH /api/v1/articles/{id} — change an article
export const PATCH = withApiKey<Params>(
  async ({ req, params, auth }) => json(await updateArticle(auth.org.id, params.id, await parseBody(req, updateArticleSchema), auth.actor)),
  { permission: "articles:write" },
);

// DELETE /api/v1/articles/{id} — delete an article
export const DELETE = withApiKey<Params>(
  async ({ params, auth }) => {
    await deleteArticle(auth.org.id, params.id, auth.actor);
    return noContent();
  },
  { permission: "articles:write" },
);
