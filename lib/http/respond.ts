// Response helpers for route handlers: JSON bodies and the error path shared by every wrapper.
import { ApiError, problemResponse } from "@/lib/http/problem";
import { log } from "@/lib/log";

export function json(data: unknown, status = 200, headers: HeadersInit = {}): Response {
  const h = new Headers(headers);
  h.set("Content-Type", "application/json");
  return new Response(JSON.stringify(data), { status, headers: h });
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}

/** Known errors become their problem; anything else a generic 500 that names only the request id. */
export function errorResponse(e: unknown, requestId: string): Response {
  if (e instanceof ApiError) return problemResponse(e);
  const prismaCode = (e as { code?: string })?.code;
  if (prismaCode === "P2025") return problemResponse(new ApiError("not_found", "The object does not exist."));
  if (prismaCode === "P2002") return problemResponse(new ApiError("conflict", "An object with these values already exists."));
  log.error({ err: e, requestId }, "unhandled error");
  return problemResponse(new ApiError("internal_error", `Something went wrong on our side. Quote request id ${requestId} when asking for help.`, { request_id: requestId }));
}
