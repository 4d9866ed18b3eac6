// Every API route module under app/api, found on disk (a new route.ts is picked up by itself), with
// its path template (/api/v1/keys/{id}) and exported method handlers: the fuzz and the authz matrix.
import path from "node:path";
import { HTTP_METHODS, routeFiles, templateOf } from "@/lib/server/api-routes";

export { HTTP_METHODS, templateOf };
export type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
export type ApiRoute = { file: string; template: string; params: string[]; handlers: Record<string, Handler> };

export async function apiRoutes(root = process.cwd()): Promise<ApiRoute[]> {
  const files = routeFiles(path.join(root, "app", "api"));
  return Promise.all(
    files.map(async (file) => {
      const mod = (await import(file)) as Record<string, unknown>;
      const handlers = Object.fromEntries(HTTP_METHODS.filter((m) => typeof mod[m] === "function").map((m) => [m, mod[m] as Handler]));
      const template = templateOf(file, root);
      const params = [...template.matchAll(/\{(?:\.\.\.)?(\w+)\}/g)].map((m) => m[1]!);
      return { file: path.relative(root, file), template, params, handlers };
    }),
  );
}

/** Calls a handler in-process as Next would: a real Request, the decoded params. */
export async function invoke(handler: Handler, req: Request, params: Record<string, string>) {
  const res = await handler(req, { params: Promise.resolve(params) });
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  return { status: res.status, headers: res.headers, body, text };
}
