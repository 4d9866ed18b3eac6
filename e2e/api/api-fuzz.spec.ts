// The API fuzz over real HTTP (issue 16): the same properties as the in-process fuzz stage
// (test/fuzz/api-fuzz-core.ts: every OpenAPI operation, hostile ids, queries, bodies, credentials),
// sent to the running server: to Keydesk's API dispatcher in the "chromium" project and to Next's
// own request handler in the "api-via-next" project (KEYDESK_API_DISPATCHER=next). Never a 5xx;
// every error problem+json with a code; both tenants' admin keys work afterwards.
import path from "node:path";
import { expect, test } from "../fixtures";

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
  await fuzz.run(
    async (call) => {
      // the session caller poses as our own pages: its Origin is this server
      call.headers.delete("host");
      if (call.headers.has("origin")) call.headers.set("origin", origin);
      const res = await fetch(`${origin}${call.url}`, { method: call.method, headers: call.headers, body: call.body, redirect: "manual" });
      return { status: res.status, headers: res.headers, text: await res.text() };
    },
    { seed: fuzzSeed(`API over HTTP (${info.project.name})`), runs: RUNS, stats },
  );
  console.log(`[fuzz] ${fuzz.operations().length} operations × ${RUNS} runs over HTTP (${info.project.name}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  expect(stats.failures).toEqual([]);
  for (const t of [ours, theirs]) {
    const me = await fetch(`${origin}/api/v1/me`, { headers: { authorization: `Bearer ${t.check.secret}` } });
    expect(me.status).toBe(200);
    expect((await me.json()).organization.id).toBe(t.org.id);
  }
});
