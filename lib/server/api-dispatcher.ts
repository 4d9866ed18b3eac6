// The API without Next's per-request cost: node:http requests for /api/* go straight to the route
// handler modules Next routes by (app/api/**/route.ts, Web-standard `(Request, ctx) => Response`),
// in the same process as Next, which serves every other path (scripts/server.mjs). The module state
// both paths rely on (key and knowledge-base caches, limiters, usage counters, the change feed, the
// database client) lives on globalThis, so they share it. What Next would add, this adds too: the
// security headers of next.config.mjs, HEAD from GET, OPTIONS with Allow, the 308 that drops a
// trailing slash. Unlike Next, a method a path does not answer gets a 405 problem with `Allow`.
// `/api/auth/*` (Auth.js, which needs Next's request scope) stays with Next.
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ApiError, problemResponse } from "@/lib/http/problem";
import { referrerPolicyFor, STATIC_SECURITY_HEADERS } from "@/lib/http/security-headers.mjs";
import { HTTP_METHODS, pathSegments, RouteTable, routeFiles, templateOf, type RouteHandler, type RouteMatch } from "@/lib/server/api-routes";

type RouteModule = Partial<Record<(typeof HTTP_METHODS)[number], RouteHandler>>;
export type DispatchRoute = { template: string; handlers: RouteModule; allow: string };

/** Paths the dispatcher leaves to Next. */
const NEXT_ONLY = /^\/api\/auth(\/|$)/;

const SECURITY_HEADERS: [string, string][] = STATIC_SECURITY_HEADERS.map((h) => [h.key, h.value]);
const API_REFERRER_POLICY = referrerPolicyFor("/api/");

/** Loads every API route module once (at start: a module that fails to load stops the server, not a request). */
export async function loadApiRoutes(root: string): Promise<RouteTable<DispatchRoute>> {
  const table = new RouteTable<DispatchRoute>();
  for (const file of routeFiles(path.join(root, "app", "api"))) {
    const template = templateOf(file, root);
    if (NEXT_ONLY.test(template)) continue;
    const handlers = (await import(pathToFileURL(file).href)) as RouteModule;
    const methods = HTTP_METHODS.filter((m) => typeof handlers[m] === "function");
    const allow = [...new Set([...methods, ...(methods.includes("GET") ? ["HEAD"] : []), "OPTIONS"])].join(", ");
    table.add(template, { template, handlers, allow });
  }
  // app/api/[...path]/route.ts answers every other /api path (the 404 problem): without it a path
  // would match nothing, so refuse to start rather than answer it some other way
  if (!table.match(["api", "no-such-endpoint"])) throw new Error("app/api has no catch-all route ([...path]/route.ts)");
  return table;
}

/** Whether the dispatcher answers this request target (else Next does). */
export function servesPath(url: string): boolean {
  return url.startsWith("/api/") && !NEXT_ONLY.test(url);
}

/**
 * The handler for node:http: answers `/api/*` (see servesPath) from the route modules. Never throws:
 * a handler that throws is a 500 problem naming nothing but its request id.
 */
export function createApiDispatcher(table: RouteTable<DispatchRoute>) {
  return async function dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = req.url ?? "/";
    const q = target.indexOf("?");
    const pathname = q === -1 ? target : target.slice(0, q);
    const method = (req.method ?? "GET").toUpperCase();
    let response: Response;
    try {
      if (pathname.length > 1 && pathname.endsWith("/")) {
        // as Next does: one canonical URL, without the trailing slash
        response = new Response(null, { status: 308, headers: { Location: pathname.replace(/\/+$/, "") + (q === -1 ? "" : target.slice(q)) } });
      } else {
        // never null: the catch-all route matches whatever the others do not (checked at load)
        const match = table.match(pathSegments(pathname))!;
        response = await answer(match, toRequest(req, method), method);
      }
    } catch (err) {
      console.error("[keydesk] API request failed", err);
      response = problemResponse(new ApiError("internal_error", "Something went wrong on our side."));
    }
    try {
      await send(response, req, res, method);
    } catch (err) {
      // e.g. a header value Node refuses: never an unhandled rejection, never a hung connection
      console.error("[keydesk] API response failed", err);
      if (!res.headersSent) {
        for (const name of res.getHeaderNames()) res.removeHeader(name);
        await send(problemResponse(new ApiError("internal_error", "Something went wrong on our side.")), req, res, method).catch(() => res.destroy());
      } else res.destroy();
    }
  };
}

async function answer(match: RouteMatch<DispatchRoute>, request: Request, method: string): Promise<Response> {
  const { handlers, allow } = match.route;
  const ctx = { params: Promise.resolve(match.params) };
  const handler = handlers[method as keyof RouteModule];
  if (handler) return handler(request, ctx);
  if (method === "HEAD" && handlers.GET) return handlers.GET(request, ctx);
  if (method === "OPTIONS") return new Response(null, { status: 204, headers: { Allow: allow } });
  return problemResponse(new ApiError("method_not_allowed", `${match.route.template} answers ${allow}, not ${method.slice(0, 20)}.`), { Allow: allow });
}

/** A Web Request for the handler: the URL as Next builds it (the Host header, http unless a proxy said https). */
function toRequest(req: IncomingMessage, method: string): Request {
  // req.headers, not rawHeaders: scripts/server.mjs appends the socket peer to X-Forwarded-For there
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    try {
      for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
    } catch {
      /* a header Node let through but fetch refuses: dropped, as undici would */
    }
  }
  const proto = /^https\b/i.test(headers.get("x-forwarded-proto") ?? "") ? "https" : "http";
  let url: URL;
  try {
    url = new URL(req.url ?? "/", `${proto}://${req.headers.host ?? "localhost"}`);
  } catch {
    url = new URL(req.url ?? "/", `${proto}://localhost`);
  }
  const hasBody = method !== "GET" && method !== "HEAD";
  return new Request(url, hasBody ? { method, headers, body: bodyOf(req), duplex: "half" } as RequestInit : { method, headers });
}

/**
 * The request body as a Web stream that a handler may stop reading (over the size limit) without
 * killing the connection its answer goes out on: the rest is then discarded, and the connection closed
 * after the answer.
 */
function bodyOf(req: IncomingMessage): ReadableStream<Uint8Array> {
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      req.on("data", (chunk: Buffer) => {
        if (cancelled) return;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 1) <= 0) req.pause();
      });
      req.on("end", () => {
        if (!cancelled) controller.close();
      });
      req.on("error", (e) => {
        if (!cancelled) controller.error(e);
      });
    },
    pull() {
      req.resume();
    },
    cancel() {
      cancelled = true;
      (req as IncomingMessage & { keydeskDiscarded?: boolean }).keydeskDiscarded = true;
      req.resume();
    },
  }, { highWaterMark: 1 });
}

/** Writes the Web Response to node:http: headers (ours where the handler set none), then the body, streamed. */
async function send(response: Response, req: IncomingMessage, res: ServerResponse, method: string) {
  res.statusCode = response.status;
  for (const [name, value] of response.headers) {
    if (name === "set-cookie") continue;
    res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length) res.setHeader("Set-Cookie", cookies);
  for (const [name, value] of SECURITY_HEADERS) if (!res.hasHeader(name)) res.setHeader(name, value);
  if (!res.hasHeader("Referrer-Policy")) res.setHeader("Referrer-Policy", API_REFERRER_POLICY);
  if ((req as IncomingMessage & { keydeskDiscarded?: boolean }).keydeskDiscarded || !req.complete) res.setHeader("Connection", "close");

  const body = response.body;
  if (!body || method === "HEAD") {
    await body?.cancel().catch(() => {});
    res.end();
    return;
  }
  const reader = body.getReader();
  const stop = () => void reader.cancel().catch(() => {});
  res.on("close", stop);
  try {
    const first = await reader.read();
    if (first.done) {
      res.end();
      return;
    }
    const second = await reader.read();
    if (second.done) {
      // the usual answer: one chunk, sent whole with its length
      if (!res.hasHeader("Content-Length")) res.setHeader("Content-Length", first.value.byteLength);
      res.end(first.value);
      return;
    }
    // a stream (CSV, NDJSON): chunks as they come, waiting for the client to keep up
    const write = (chunk: Uint8Array) =>
      res.write(chunk) ? undefined : new Promise<void>((resolve) => { res.once("drain", resolve); res.once("close", resolve); });
    await write(first.value);
    for (let next: ReadableStreamReadResult<Uint8Array> = second; !next.done && !res.destroyed; next = await reader.read()) await write(next.value);
    res.end();
  } catch (err) {
    console.error("[keydesk] API response stream failed", err);
    res.destroy(err as Error);
  } finally {
    res.off("close", stop);
  }
}
