// The API fuzz over real HTTP (issue 16): the same properties as the in-process fuzz stage
// (test/fuzz/api-fuzz-core.ts: every OpenAPI operation, hostile ids, queries, bodies, credentials),
// sent to the running server: to Keydesk's API dispatcher in the "chromium" project and to Next's
// own request handler in the "api-via-next" project (KEYDESK_API_DISPATCHER=next). Never a 5xx;
// every error problem+json with a code; both tenants' admin keys work afterwards.
import http from "node:http";
import path from "node:path";
import { expect, test } from "../fixtures";

/** node:http rather than fetch: it sends the mangled headers fetch refuses (a cookie header with NUL...). */
function send(url: string, init: { method: string; headers: Headers; body?: string }): Promise<{ status: number; headers: Headers; text: string }> {
  return new Promise((resolve, reject) => {
    // what no HTTP client can put on the wire (control characters, code points over 0xFF) never reaches a server
    const headers = Object.fromEntries([...init.headers].filter(([, v]) => !/[^\t\x20-\x7e\x80-\xff]/.test(v)));
    // DELETE sends no chunked body by default in node:http: a body needs its length said
    if (init.body !== undefined) headers["content-length"] = String(Buffer.byteLength(init.body));
    const req = http.request(url, { method: init.method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const headers = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (typeof v === "string") headers.set(k, v);
        resolve({ status: res.statusCode!, headers, text: Buffer.concat(chunks).toString("utf8") });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(init.body);
  });
}

// a quarter of the in-process runs: each call here crosses a socket
const RUNS = Math.max(5, Math.round(Number(process.env.FUZZ_RUNS ?? 100) / 4));

test("no operation answers 5xx or an error that is not problem+json with a code", async ({ baseURL }, info) => {
  test.setTimeout(300_000);
  // the partners the fuzz makes write their claim mail to the run's outbox, not the checkout's
  process.env.KEYDESK_DATA_DIR = path.join(process.env.KEYDESK_E2E_DIR!, "fuzz");
  const { apiFuzz, makeTenant } = await import("../../test/fuzz/api-fuzz-core");
  const { fuzzSeed } = await import("../../test/fuzz/hostile");
  const doc = await (await fetch(`${baseURL}/api/openapi.json`)).json();
  const [ours, theirs] = [await makeTenant(), await makeTenant()];
  const fuzz = apiFuzz(doc, ours, theirs);
  const stats = { failures: [] as string[], statuses: new Map<string, Map<number, number>>() };
  const origin = new URL(baseURL!).origin;
  const started = Date.now();
  const run = fuzz.run(
    async (call) => {
      // the session caller poses as our own pages: its Origin is this server
      call.headers.delete("host");
      if (call.headers.has("origin")) call.headers.set("origin", origin);
      // a target longer than HTTP servers take (Node: 16 KiB of head) is refused before any route
      // sees it: the server's 431 problem is a contract spec of its own (http-contract.spec.ts)
      if (call.url.length > 8_000) return { status: 200, headers: new Headers(), text: "" };
      return send(`${origin}${call.url}`, { method: call.method, headers: call.headers, body: call.body });
    },
    { seed: fuzzSeed(`API over HTTP (${info.project.name})`), runs: RUNS, stats },
  );
  // fast-check's own report quotes the whole counterexample (ids of 10,000 characters): ours is shorter
  await run.catch((e: Error) => {
    throw new Error(stats.failures[0] ?? e.message.slice(0, 2_000));
  });
  console.log(`[fuzz] ${fuzz.operations().length} operations × ${RUNS} runs over HTTP (${info.project.name}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  expect(stats.failures).toEqual([]);
  for (const t of [ours, theirs]) {
    const me = await fetch(`${origin}/api/v1/me`, { headers: { authorization: `Bearer ${t.check.secret}` } });
    expect(me.status).toBe(200);
    expect((await me.json()).organization.id).toBe(t.org.id);
  }
});
