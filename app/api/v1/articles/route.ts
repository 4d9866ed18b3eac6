import { parseBody, parseInput, searchParamsObject } from "@/lib/http/parse-body";
import { json } from "@/lib/http/respond";
import { withApiKey } from "@/lib/http/with-api-key";
import { createArticle } from "@/lib/kb/create-article";
import { listArticles } from "@/lib/kb/read-articles";
import { createArticleSchema, listArticlesQuerySchema } from "@/lib/validations/article";

// GET /api/v1/articles — list and search articles (guests: external, published ones)
export const GET = withApiKey(
  async ({ url, auth }) => {
    const q = parseInput(listArticlesQuerySchema, searchParamsObject(url), "The query");
    return json(await listArticles(auth.org.id, auth.kind === "guest" ? "guest" : "member", q));
  },
  { permission: "articles:read", guest: true },
);

// POST /api/v1/articles — create an article
export const POST = withApiKey(
  async ({ req, auth }) => json(await createArticle(auth.org.id, await parseBody(req, createArticleSchema), auth.actor), 201),
  { permission: "articles:write" },
);
