import { noStoreIfQueryKey } from "@/lib/http/with-api-key";
import { openApiDocument } from "@/lib/openapi/document";

// GET /api/openapi.json — the OpenAPI 3.1 document of every endpoint
export function GET(req?: Request) {
  const res = Response.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
  return req ? noStoreIfQueryKey(req, res) : res;
}
