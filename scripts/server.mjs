#!/usr/bin/env node
// Keydesk's HTTP server (what `npm start` runs after its preparations): Next's request handler on
// node:http, so that three things are ours rather than Next's:
//   - the API: `/api/*` (but Auth.js's `/api/auth/*`) goes straight to the route handler modules
//     through lib/server/api-dispatcher.ts, loaded from the TypeScript sources by tsx, without Next's
//     per-request pipeline; every other path goes to Next. KEYDESK_API_DISPATCHER=next serves
//     everything through Next (for comparison, and as a fallback);
//   - the client address: the socket peer is appended to X-Forwarded-For as its last hop, the way a
//     reverse proxy does; lib/http/client-ip.ts believes hops left of it only from trusted proxies;
//   - shutdown: on SIGTERM/SIGINT the listener closes, in-flight requests are answered (10 s at most),
//     then the process's background work stops and the usage counted so far is written, then exit.
// Env: PORT (3000), HOSTNAME (all interfaces), KEYDESK_API_DISPATCHER (keydesk | next), plus what the
// app reads (lib/env.ts).
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || undefined;
const DRAIN_MS = Number(process.env.KEYDESK_SHUTDOWN_DRAIN_MS || 10_000);
const DISPATCHER = process.env.KEYDESK_API_DISPATCHER || "keydesk";
if (DISPATCHER !== "keydesk" && DISPATCHER !== "next") {
  console.error(`[keydesk] KEYDESK_API_DISPATCHER must be "keydesk" or "next", not "${DISPATCHER}"`);
  process.exit(1);
}

process.env.KEYDESK_SERVER = "1"; // lib/server/start-background.ts: shutdown is ours, not its own
process.env.NODE_ENV ??= "production";

const app = next({ dev: false, dir: ROOT, port, hostname: hostname ?? "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

/** The API dispatcher, or null when Next serves /api too. */
async function loadDispatcher() {
  if (DISPATCHER === "next") return null;
  await import("./server-only-outside-next.mjs");
  const { register } = await import("tsx/esm/api");
  register({ tsconfig: path.join(ROOT, "tsconfig.json") });
  const { createApiDispatcher, loadApiRoutes, servesPath } = await import("../lib/server/api-dispatcher.ts");
  return { dispatch: createApiDispatcher(await loadApiRoutes(ROOT)), servesPath };
}
const api = await loadDispatcher();

let inFlight = 0;
let stopping = false;
const server = http.createServer((req, res) => {
  const peer = req.socket.remoteAddress ?? "";
  const xff = req.headers["x-forwarded-for"];
  const prior = Array.isArray(xff) ? xff.join(", ") : xff;
  req.headers["x-forwarded-for"] = prior ? `${prior}, ${peer}` : peer;
  inFlight++;
  res.on("close", () => inFlight--);
  if (stopping) res.setHeader("Connection", "close");
  if (api?.servesPath(req.url ?? "/")) {
    void api.dispatch(req, res);
    return;
  }
  handle(req, res).catch((err) => {
    console.error("[keydesk] request failed", err);
    if (!res.headersSent) {
      res.statusCode = 500;
      res.setHeader("Content-Type", "application/problem+json");
      res.end(JSON.stringify({ type: "/docs/errors#internal_error", title: "Internal server error", status: 500, detail: "Something went wrong on our side.", code: "internal_error" }));
    } else res.end();
  });
});
server.keepAliveTimeout = 65_000; // longer than common load balancers' idle timeout

// What Node's HTTP parser refuses before any handler sees it (a head over 16 KiB, a malformed
// request line) is answered as problem+json too, like every other error, in both modes.
server.on("clientError", (err, socket) => {
  if (!socket.writable || err.code === "ECONNRESET") return socket.destroy();
  const tooLarge = err.code === "HPE_HEADER_OVERFLOW";
  const status = tooLarge ? 431 : 400;
  const body = JSON.stringify({
    type: `/docs/errors#${tooLarge ? "request_header_too_large" : "invalid_request"}`,
    title: tooLarge ? "Request header fields too large" : "Invalid request",
    status,
    detail: tooLarge ? "The request line and headers are limited to 16 KiB." : "The request is not valid HTTP.",
    code: tooLarge ? "request_header_too_large" : "invalid_request",
  });
  socket.end(`HTTP/1.1 ${status} ${tooLarge ? "Request Header Fields Too Large" : "Bad Request"}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
});

server.listen(port, hostname, () => {
  console.log(`[keydesk] ready: listening on ${hostname ?? "all interfaces"}:${port} (pid ${process.pid}; API served by ${DISPATCHER === "next" ? "Next" : "Keydesk's dispatcher"})`);
});

async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`[keydesk] ${signal}: no new connections; answering ${inFlight} request(s) in flight`);
  const closed = new Promise((resolve) => server.close(resolve));
  server.closeIdleConnections();
  const deadline = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
  deadline.unref();
  // idle keep-alive connections that become idle after their last answer
  const sweep = setInterval(() => server.closeIdleConnections(), 100);
  await closed;
  clearInterval(sweep);
  clearTimeout(deadline);
  try {
    await globalThis.keydeskShutdown?.();
  } catch (err) {
    console.error("[keydesk] shutdown step failed", err);
  }
  console.log("[keydesk] stopped");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
