// The fuzz stage for server actions: a client can call any action with any serializable arguments,
// so every action of the table (test/authz/action-table.ts) runs signed in as an owner with its form
// fields (and the names other actions read) set to hostile values, or with hostile arguments.
// Invariant: it answers (state, redirect, 403/404 page) and never throws anything else (a 500).
import "@/test/scratch-data-dir";
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
vi.mock("@/auth", async () => (await import("@/test/session")).sessionMocks.auth);
vi.mock("next/headers", async () => (await import("@/test/session")).sessionMocks.headers);
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {}, CredentialsSignin: class CredentialsSignin extends Error {} }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, refresh: () => {} }));
import path from "node:path";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { ACTIONS, makeTargets } from "@/test/authz/action-table";
import { makeOrg, rand } from "@/test/factories";
import { fuzzSeed, hostileJson, hostileString } from "@/test/fuzz/hostile";
import { navigationOutcome, signInAs } from "@/test/session";

// a fifth of the API fuzz's runs: each action call does several writes
const RUNS = Math.max(5, Math.round(Number(process.env.FUZZ_RUNS ?? 100) / 5));

// every form field name an action reads (grep of fd.get / form.get), so any of them may turn up anywhere
const FIELDS = [
  "id", "status", "comment", "name", "email", "password", "callbackUrl", "expires_in_hours", "reason", "old_secret_expiry", "secretId", "keyId",
  "partnerId", "level", "narrow_keys", "defaultRateLimitPerHour", "requireApiToken", "allowQueryKeys", "revealPolicy", "confirmShowOnce", "enabled",
  "url", "description", "events", "partner_id", "webhookId", "deliveryId", "token", "access", "preset", "perm_articles", "perm_keys", "expires_at",
  "expires", "rate_limit_per_hour", "rateLimitPerHour",
];

let actions: Record<string, (...a: unknown[]) => Promise<unknown>>;
let org: Awaited<ReturnType<typeof makeOrg>>;
let ownerId: string;
let agentId: string;

beforeAll(async () => {
  actions = {};
  for (const k of Object.keys(ACTIONS)) {
    const [file, name] = k.split("#") as [string, string];
    const mod = (await import(path.resolve(file))) as Record<string, unknown>;
    actions[k] = mod[name] as (...a: unknown[]) => Promise<unknown>;
  }
  org = await makeOrg();
  const owner = await db.user.create({ data: { email: `owner-${rand()}@example.com`, name: "Owner" } });
  const agent = await db.user.create({ data: { email: `agent-${rand()}@example.com`, name: "Agent" } });
  await db.membership.create({ data: { userId: owner.id, organizationId: org.id, role: "owner" } });
  await db.membership.create({ data: { userId: agent.id, organizationId: org.id, role: "agent" } });
  ownerId = owner.id;
  agentId = agent.id;
}, 60_000);

/** The row's arguments with a FormData's fields overwritten or added, or other arguments replaced. */
function mutate(args: unknown[], edits: [string, string][], replace: unknown | undefined): unknown[] {
  const i = args.findIndex((a) => a instanceof FormData);
  if (i < 0) return replace === undefined ? args : args.map((_, j) => (j === 0 ? replace : args[j]));
  const fd = new FormData();
  (args[i] as FormData).forEach((v, k) => fd.append(k, v));
  for (const [k, v] of edits) {
    if (v === "\u0001append") fd.append(k, "x");
    else fd.set(k, v);
  }
  const out = [...args];
  out[i] = fd;
  if (replace !== undefined && i !== 0) out[0] = replace; // the "previous state" argument a client also controls
  return out;
}

describe("server action fuzz (issue 11)", () => {
  it("what it found: rotate with a prototype name as the expiry choice; an organization id holding NUL", async () => {
    const t = await makeTargets(org.id, agentId);
    signInAs(ownerId, org.id);
    const rotate = actions["lib/actions/key-actions.ts#rotateKeyAction"]!;
    for (const choice of ["constructor", "valueOf", "__proto__", "toString"]) {
      const fd = new FormData();
      fd.set("keyId", t.key);
      fd.set("old_secret_expiry", choice);
      expect(await rotate(null, fd)).toEqual({ errors: { form: ["Choose when the old secret stops working"] } });
    }
    expect(await db.apiKeySecret.count({ where: { keyId: t.key } })).toBe(1);
    expect(await actions["lib/actions/session-actions.ts#switchOrganization"]!("\u0000")).toEqual({ message: "You are not a member of that organization" });
    signInAs(null);
  });

  it("no action throws on hostile form fields or arguments", async () => {
    const seed = fuzzSeed(`server actions (${env.provider})`);
    const started = Date.now();
    for (const [k, row] of Object.entries(ACTIONS)) {
      const t = await makeTargets(org.id, agentId);
      const edit = fc.tuple(fc.constantFrom(...FIELDS), fc.oneof(hostileString, fc.constantFrom("\u0001append", "constructor", "__proto__", "toString", "")));
      await fc.assert(
        fc.asyncProperty(fc.array(edit, { maxLength: 4 }), fc.option(hostileJson, { nil: undefined, freq: 3 }), async (edits, replace) => {
          signInAs(ownerId, org.id);
          // a route handler gets a Request from Next, never a client's value: only its query is hostile
          const args = k.includes("/route.ts#")
            ? [new Request(`http://localhost/settings/api/history/export?${new URLSearchParams(edits.map(([a, b]) => [a, b.toWellFormed()]))}`)]
            : mutate(row.args(t), edits, replace);
          try {
            const r = await actions[k]!(...args);
            if (r instanceof Response && r.status >= 500) throw new Error(`${r.status}`);
          } catch (e) {
            if (navigationOutcome(e)) return;
            throw new Error(`${k} threw with ${JSON.stringify(edits).slice(0, 300)} / ${JSON.stringify(replace)?.slice(0, 100)}: ${(e as Error)?.stack ?? e}`);
          }
        }),
        { seed, numRuns: RUNS, endOnFailure: true },
      );
    }
    signInAs(null);
    console.log(`[fuzz] ${Object.keys(ACTIONS).length} actions × ${RUNS} runs on ${env.provider} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(Object.keys(actions).length).toBe(Object.keys(ACTIONS).length);
  }, 180_000);
});
