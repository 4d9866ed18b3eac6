// Test helpers: a webhook receiver on 127.0.0.1 that verifies with the standardwebhooks library (a real
// client, not our signing code) and a clock that tests advance instead of sleeping.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export type Received = { path: string; headers: Record<string, string>; body: string; at: number };
type Reply = { status: number; body?: string; delayMs?: number; headers?: Record<string, string> };

export async function startReceiver() {
  const received: Received[] = [];
  const replies: Reply[] = [];
  let fallback: Reply = { status: 200, body: "ok" };
  let active = 0;
  let maxConcurrent = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => void answer());
    async function answer() {
      active++;
      maxConcurrent = Math.max(maxConcurrent, active);
      received.push({ path: req.url ?? "/", headers: req.headers as Record<string, string>, body: Buffer.concat(chunks).toString("utf8"), at: Date.now() });
      const r = replies.shift() ?? fallback;
      if (r.delayMs) await new Promise((ok) => setTimeout(ok, r.delayMs));
      active--;
      if (res.destroyed) return;
      res.writeHead(r.status, { "content-type": "text/plain", ...(r.headers ?? {}) });
      res.end(r.body ?? "");
    }
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: (path = "/hook") => `http://127.0.0.1:${port}${path}`,
    received,
    /** Answers for the next requests, in order; afterwards `always`. */
    reply: (...r: Reply[]) => replies.push(...r),
    always: (r: Reply) => {
      fallback = r;
    },
    get maxConcurrent() {
      return maxConcurrent;
    },
    events: () => received.map((r) => JSON.parse(r.body) as { id: string; type: string; data: Record<string, unknown> }),
    close: () => new Promise<void>((ok) => {
      server.closeAllConnections();
      server.close(() => ok());
    }),
  };
}

/** Webhook.verify checks the timestamp against Date.now(): verify as of the test clock's time. */
export function verifyAt(secret: string, r: Received, at: Date): unknown {
  const real = Date.now;
  Date.now = () => at.getTime();
  try {
    return new Webhook(secret).verify(r.body, r.headers);
  } finally {
    Date.now = real;
  }
}

export function testClock(start = Date.now() + 1000) {
  let t = start;
  return {
    now: () => new Date(t),
    advance(ms: number) {
      t += ms;
      return new Date(t);
    },
  };
}
