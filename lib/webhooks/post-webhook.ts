// One HTTP POST to a webhook endpoint: through the SSRF guard, to the address it checked, with a
// 10-second deadline for the whole exchange, no redirects (a 3xx is a failed attempt), and at most
// 1 KB of the answer kept for the delivery log.
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { BlockedDestinationError, resolveTarget, type GuardOptions } from "@/lib/webhooks/ssrf-guard";

export const DELIVERY_TIMEOUT_MS = 10_000;
export const EXCERPT_BYTES = 1024;

export type PostResult = { statusCode: number | null; durationMs: number; responseExcerpt: string | null; error: string | null; ok: boolean };

export type PostOptions = GuardOptions & { timeoutMs?: number };

export async function postWebhook(rawUrl: string, body: string, headers: Record<string, string>, opts: PostOptions = {}): Promise<PostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let target;
  try {
    target = await resolveTarget(rawUrl, opts);
  } catch (e) {
    const error = e instanceof BlockedDestinationError ? `refused: ${e.message}` : `refused: ${(e as Error).message}`;
    return { statusCode: null, durationMs: elapsed(), responseExcerpt: null, error, ok: false };
  }
  const { url, address, family } = target;
  // Connect to the checked address whatever the name resolves to now; TLS still verifies the name.
  const lookup: LookupFunction = (_host, options, cb) => {
    if ((options as { all?: boolean }).all) (cb as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address, family }]);
    else cb(null, address, family);
  };
  const mod = url.protocol === "https:" ? https : http;
  const timeoutMs = opts.timeoutMs ?? DELIVERY_TIMEOUT_MS;

  return new Promise<PostResult>((resolve) => {
    let settled = false;
    const finish = (r: Omit<PostResult, "durationMs" | "ok">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const ok = r.error === null && r.statusCode !== null && r.statusCode >= 200 && r.statusCode < 300;
      resolve({ ...r, durationMs: elapsed(), ok });
    };
    const req = mod.request(url, {
      method: "POST",
      lookup,
      agent: false,
      headers: { ...headers, "content-type": "application/json", "content-length": String(Buffer.byteLength(body)), "user-agent": "Keydesk-Webhooks/1.0", connection: "close" },
    });
    const timer = setTimeout(() => {
      req.destroy(new Error(`timed out after ${timeoutMs / 1000} s`));
    }, timeoutMs);
    req.on("error", (e) => finish({ statusCode: null, responseExcerpt: null, error: e.message || String(e) }));
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = (error: string | null) => {
        const text = Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString("utf8").replace(/\uFFFD+$/, "");
        const redirect = res.statusCode && res.statusCode >= 300 && res.statusCode < 400 ? `redirect to ${res.headers.location ?? "?"} not followed` : null;
        finish({ statusCode: res.statusCode ?? null, responseExcerpt: text || null, error: error ?? redirect });
        res.destroy();
      };
      res.on("data", (c: Buffer) => {
        chunks.push(c);
        size += c.length;
        if (size >= EXCERPT_BYTES) done(null);
      });
      res.on("end", () => done(null));
      res.on("error", (e) => done(e.message));
    });
    req.end(body);
  });
}
