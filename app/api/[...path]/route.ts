import { ApiError, problemResponse } from "@/lib/http/problem";
import { noStoreIfQueryKey } from "@/lib/http/with-api-key";

// Any other /api path: a JSON 404, never an HTML page.
const notFound = async (req: Request) =>
  noStoreIfQueryKey(req, problemResponse(new ApiError("not_found", `No API endpoint at ${req.method} ${new URL(req.url).pathname}.`)));

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
