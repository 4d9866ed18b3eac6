// The fuzz stage (issue 11): every operation of the served OpenAPI document, called in-process with
// hostile path ids, query values, bodies derived from its request schema and then mutated, and
// mangled credentials (test/fuzz/api-fuzz-core.ts). Invariants: never a 5xx; every error is
// problem+json with a `code`; the tenant's admin key still works afterwards. Seeded (FUZZ_SEED,
// fixed when CI=true) and bounded (FUZZ_RUNS per operation). e2e/api/api-fuzz.spec.ts runs the same
// over HTTP against both server modes.
import "@/test/scratch-data-dir";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
// next-auth itself does not load under vitest; the API reads sessions from the cookie (lib/auth/session-from-request)
vi.mock("@/auth", async () => (await import("@/test/session")).sessionMocks.auth);
import { GET as openApiJson } from "@/app/api/openapi.json/route";
import { env } from "@/lib/env";
import { apiFuzz, makeTenant, type FuzzStats, type Tenant } from "@/test/fuzz/api-fuzz-core";
import { fuzzSeed } from "@/test/fuzz/hostile";
import { apiRoutes, invoke, type ApiRoute, type Handler } from "@/test/routes";
import * as me from "@/app/api/v1/me/route";

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);

let fuzz: ReturnType<typeof apiFuzz>;
let routes: ApiRoute[];
let ours: Tenant;
let theirs: Tenant;
let seed: number;
const stats: FuzzStats = { failures: [], statuses: new Map() };

const routeFor = (path: string) => routes.find((r) => r.template === path);

beforeAll(async () => {
  routes = await apiRoutes();
  ours = await makeTenant();
  theirs = await makeTenant();
  fuzz = apiFuzz(await openApiJson().json(), ours, theirs);
  seed = fuzzSeed(`API (${env.provider})`);
}, 60_000);

afterAll(() => {
  if (process.env.FUZZ_STATS) for (const [op, m] of stats.statuses) console.log(`[fuzz] ${op}: ${[...m].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`).join(" ")}`);
  if (stats.failures.length) console.log(`[fuzz] failures:\n${stats.failures.join("\n")}`);
});

describe("API fuzz (issue 11)", () => {
  it("every operation of the served document has a route module exporting its method", () => {
    const missing = fuzz.operations().filter((o) => !routeFor(o.path)?.handlers[o.method]).map((o) => `${o.method} ${o.path}`);
    expect(missing).toEqual([]);
    expect(fuzz.operations().length).toBeGreaterThan(40);
  });

  it("no operation answers 5xx or an error that is not problem+json with a code", async () => {
    const started = Date.now();
    await fuzz.run(
      async (call) => {
        const req = new Request(`http://localhost${call.url}`, { method: call.method, headers: call.headers, body: call.body });
        return invoke(routeFor(call.template)!.handlers[call.method]!, req, call.params);
      },
      { seed, runs: RUNS, stats },
    );
    console.log(`[fuzz] ${fuzz.operations().length} operations × ${RUNS} runs on ${env.provider} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 240_000);

  it("afterwards both tenants' admin keys still work", async () => {
    for (const t of [ours, theirs]) {
      const r = await invoke(me.GET as unknown as Handler, new Request("http://localhost/api/v1/me", { headers: { authorization: `Bearer ${t.check.secret}` } }), {});
      expect(r.status).toBe(200);
      expect((r.body as { organization: { id: string } }).organization.id).toBe(t.org.id);
    }
  });
});
