// A route's path parameters, as Next decoded them. No id holds NUL, and PostgreSQL refuses NUL in
// a query (a 500), so such a path names nothing: 404 before any handler runs.
import { ApiError } from "@/lib/http/problem";

export async function routeParams<P>(ctx: { params: Promise<P> } | undefined): Promise<P> {
  const params = ((await ctx?.params) ?? {}) as P;
  for (const v of Object.values(params as Record<string, unknown>)) {
    if (typeof v === "string" && v.includes("\0")) throw new ApiError("not_found", "No object has this id.");
  }
  return params;
}
