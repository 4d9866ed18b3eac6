// The authorization matrix (issue 11): every API route × every kind of caller, against ONE table of
// what each route demands. Callers: no credential, a guest naming the organization, each preset,
// each single permission, another organization's admin key, a partner's key, an agent's desk token.
// A route or method under app/api without a row fails the test, and so
// does a row whose route is gone. Expected outcomes are derived from the row by the rule in
// `expected()` (CONTRACT.md §2): 'allow' (neither 401 nor 403, nor 5xx), or an exact 401/403/404.
import "@/test/scratch-data-dir";
import { beforeAll, describe, expect, it, vi } from "vitest";
// next-auth itself does not load under vitest; API routes read sessions from the cookie
vi.mock("@/auth", async () => (await import("@/test/session")).sessionMocks.auth);
import { systemActor } from "@/lib/audit/actor";
import { db } from "@/lib/db";
import { mintDeskToken } from "@/lib/desk-tokens/mint-desk-token";
import { createPartner } from "@/lib/partners/create-partner";
import { makeKey, makeOrg, rand } from "@/test/factories";
import { apiRoutes, invoke, type ApiRoute } from "@/test/routes";
import { makeTargets, type Targets as ActionTargets } from "@/test/authz/action-table";
import { ALL_PERMISSIONS } from "@/lib/keys/permissions";

// ---------------------------------------------------------------------------------------------
// The table. One row per "METHOD /template".
//   perm     the permission a key needs (none: any valid key)
//   guest    callers without a credential get in (public knowledge-base reads)
//   actor    a withActor route (session / desk token / key); keys:false refuses keys, deskTokens:false desk tokens
//   grants   permissions the call hands out or manages (a key may only grant what it holds)
//   names    the call names one of our objects (path or body): another organization gets 404
//   fixed    the same outcome for every caller
// ---------------------------------------------------------------------------------------------
type Perm = `${"articles" | "categories" | "approvals" | "team" | "keys" | "webhooks" | "usage" | "settings" | "audit"}:${"read" | "write"}`;
type Outcome = "allow" | 401 | 403 | 404;
type Row = {
  perm?: Perm;
  guest?: true;
  actor?: { keys?: false; deskTokens?: false };
  grants?: Perm[];
  names?: true;
  fixed?: Outcome;
  /** Not ours: excluded from the calls, but listed so a new method there is noticed. */
  skip?: string;
  body?: (t: Targets) => unknown;
  params?: (t: Targets) => Record<string, string>;
  query?: string;
};

const READ_PRESET: Perm[] = ["articles:read", "categories:read", "approvals:read"];
const WRITE_PRESET: Perm[] = [...READ_PRESET, "articles:write", "categories:write", "approvals:write"];

const id = (k: keyof Targets) => (t: Targets) => ({ id: t[k] as string });

export const TABLE: Record<string, Row> = {
  "GET /api/{...path}": { fixed: 404 },
  "POST /api/{...path}": { fixed: 404 },
  "PUT /api/{...path}": { fixed: 404 },
  "PATCH /api/{...path}": { fixed: 404 },
  "DELETE /api/{...path}": { fixed: 404 },
  "GET /api/auth/{...nextauth}": { skip: "next-auth's own sign-in endpoints" },
  "POST /api/auth/{...nextauth}": { skip: "next-auth's own sign-in endpoints" },
  "GET /api/openapi.json": { fixed: "allow" },
  "GET /api/health": { fixed: "allow" },
  // anyone may report a found key (no credential, never a hint); GitHub's reports need GitHub's signature
  "POST /api/v1/leaked-keys": { fixed: "allow", body: () => ({ key: `kd_${"A".repeat(38)}` }) },
  "POST /api/secret-scanning/github": { fixed: 401, body: () => [] },

  "GET /api/v1/me": {},

  "GET /api/v1/articles": { perm: "articles:read", guest: true },
  "POST /api/v1/articles": { perm: "articles:write", body: () => ({ title: "Matrix", body: "b" }) },
  "GET /api/v1/articles/{id}": { perm: "articles:read", guest: true, names: true, params: id("article") },
  "PATCH /api/v1/articles/{id}": { perm: "articles:write", names: true, params: id("article"), body: () => ({ title: "Renamed" }) },
  "DELETE /api/v1/articles/{id}": { perm: "articles:write", names: true, params: id("article") },

  "GET /api/v1/categories": { perm: "categories:read", guest: true },
  "POST /api/v1/categories": { perm: "categories:write", body: () => ({ name: `Cat ${rand()}` }) },
  "GET /api/v1/categories/{id}": { perm: "categories:read", guest: true, names: true, params: id("category") },
  "PATCH /api/v1/categories/{id}": { perm: "categories:write", names: true, params: id("category"), body: () => ({ name: `Cat ${rand()}` }) },
  "DELETE /api/v1/categories/{id}": { perm: "categories:write", names: true, params: id("category") },

  "GET /api/v1/keys": { perm: "keys:read" },
  "POST /api/v1/keys": { perm: "keys:write", grants: ["articles:read"], body: () => ({ permissions: ["articles:read"] }) },
  "GET /api/v1/keys/{id}": { perm: "keys:read", names: true, params: id("key") },
  "PATCH /api/v1/keys/{id}": { perm: "keys:write", grants: READ_PRESET, names: true, params: id("key"), body: () => ({ name: "renamed" }) },
  "DELETE /api/v1/keys/{id}": { perm: "keys:write", grants: READ_PRESET, names: true, params: id("key") },
  "POST /api/v1/keys/{id}/rotate": { perm: "keys:write", grants: READ_PRESET, names: true, params: id("key") },
  "POST /api/v1/keys/{id}/restore": { perm: "keys:write", grants: READ_PRESET, names: true, params: id("deletedKey") },

  "GET /api/v1/team": { perm: "team:read" },
  "POST /api/v1/team/invitations": { perm: "team:write", body: () => ({ email: `invitee-${rand()}@example.com`, role: "agent" }) },
  "GET /api/v1/usage": { perm: "usage:read" },
  "GET /api/v1/audit-events": { perm: "audit:read" },
  "GET /api/v1/settings": { perm: "settings:read" },
  "PATCH /api/v1/settings": { perm: "settings:write", body: () => ({ default_rate_limit_per_hour: 1000 }) },

  "GET /api/v1/partners": { perm: "keys:read" },
  "POST /api/v1/partners": { perm: "keys:write", grants: READ_PRESET, body: () => ({ name: "P", email: `p-${rand()}@example.com`, level: "read" }) },
  "GET /api/v1/partners/{id}": { perm: "keys:read", names: true, params: id("partner") },
  "PATCH /api/v1/partners/{id}": { perm: "keys:write", grants: READ_PRESET, names: true, params: id("partner"), body: () => ({ name: "Renamed" }) },
  "DELETE /api/v1/partners/{id}": { perm: "keys:write", grants: READ_PRESET, names: true, params: id("partner") },
  "POST /api/v1/partners/{id}/keys": { perm: "keys:write", grants: READ_PRESET, names: true, params: id("partner"), body: () => ({}) },
  "POST /api/v1/partners/{id}/resend": { perm: "keys:write", grants: READ_PRESET, names: true, params: id("partner"), body: () => ({}) },
  "POST /api/v1/partners/{id}/restore": { perm: "keys:write", grants: READ_PRESET, names: true, params: id("deletedPartner") },

  "GET /api/v1/webhooks": { perm: "webhooks:read" },
  "POST /api/v1/webhooks": { perm: "webhooks:write", grants: ["articles:read"], body: () => ({ url: "https://hooks.example.com/m", events: ["article.published"] }) },
  "GET /api/v1/webhooks/{id}": { perm: "webhooks:read", names: true, params: id("webhook") },
  // the endpoint hears article.published: a key changing it must be able to read articles (issue 11)
  "PATCH /api/v1/webhooks/{id}": { perm: "webhooks:write", grants: ["articles:read"], names: true, params: id("webhook"), body: () => ({ description: "changed" }) },
  "DELETE /api/v1/webhooks/{id}": { perm: "webhooks:write", names: true, params: id("webhook") },
  "POST /api/v1/webhooks/{id}/test": { perm: "webhooks:write", names: true, params: id("webhook") },
  "POST /api/v1/webhooks/{id}/rotate-secret": { perm: "webhooks:write", names: true, params: id("webhook") },
  "GET /api/v1/webhooks/{id}/deliveries": { perm: "webhooks:read", names: true, params: id("webhook") },
  "POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/resend": { perm: "webhooks:write", names: true, params: (t) => ({ id: t.webhook, deliveryId: t.delivery }) },

  "GET /api/v2/approvals/GetApprovalNotComplete": { perm: "approvals:read", actor: {} },
  "POST /api/v2/approvals/CreateApproval": { perm: "approvals:write", actor: {}, body: () => ({ title: "Matrix" }) },
  "POST /api/v2/approvals/UpdateApprovalStatus": { perm: "approvals:write", actor: {}, names: true, body: (t) => ({ id: t.approval, status: "approved" }) },

  "GET /api/v2/desk-tokens": { perm: "team:read", actor: { keys: false } },
  "POST /api/v2/desk-tokens": { perm: "team:write", actor: { keys: false, deskTokens: false }, body: () => ({ expires_in_hours: 1 }) },
  "DELETE /api/v2/desk-tokens/{id}": { perm: "team:write", actor: { keys: false }, params: id("deskToken") },
};

/**
 * Cells where Keydesk today is more permissive than the table; each is fixed in another branch of
 * issue 11 (may-grant guard on partner restore/resend; webhook subscriptions bounded by what the key
 * may read). The test asserts today's answer so it fails once the fix lands: then delete the entry.
 */
const KNOWN_OPEN: Record<string, number> = {};

// ---------------------------------------------------------------------------------------------
type Caller =
  | { label: string; kind: "none" }
  | { label: string; kind: "guest"; slug: string }
  | { label: string; kind: "desk"; token: string }
  | { label: string; kind: "key"; perms: readonly string[]; secret: string; otherOrg?: true };

/** CONTRACT.md §2: a permission is held when listed, and x:read is held when x:write is. */
function holds(held: readonly string[], p: Perm) {
  return held.includes(p) || (p.endsWith(":read") && held.includes(p.replace(/:read$/, ":write")));
}

function expected(row: Row, c: Caller): Outcome {
  if (row.fixed) return row.fixed;
  if (c.kind === "none") return 401;
  if (c.kind === "guest") return row.guest ? "allow" : 401;
  if (c.kind === "desk") {
    if (!row.actor) return 401; // a desk token is not an API key
    return row.actor.deskTokens === false ? 403 : "allow";
  }
  if (row.actor?.keys === false) return 401;
  if (row.perm && !holds(c.perms, row.perm)) return 403;
  if (row.grants && !row.grants.every((p) => holds(c.perms, p))) return 403;
  if (c.otherOrg && row.names) return 404;
  return "allow";
}

// ---------------------------------------------------------------------------------------------
type Targets = ActionTargets & { deskToken: string };

// every single permission there is (settings and audit included): a new resource gets its callers by itself
const ALL = ALL_PERMISSIONS as Perm[];
let org: Awaited<ReturnType<typeof makeOrg>>;
let agentId: string;
let callers: Caller[];
let routes: ApiRoute[];
const actor = systemActor("matrix");

/** Fresh objects for one row, so that what an earlier row did (a DELETE) cannot change this row's answers. */
async function targets(): Promise<Targets> {
  const t = await makeTargets(org.id, agentId);
  return { ...t, deskToken: t.agentDeskToken };
}

beforeAll(async () => {
  routes = await apiRoutes();
  org = await makeOrg();
  const other = await makeOrg();
  const agent = await db.user.create({ data: { email: `agent-${rand()}@example.com`, name: "Agent" } });
  agentId = agent.id;
  await db.membership.create({ data: { userId: agent.id, organizationId: org.id, role: "agent" } });
  const key = async (label: string, p: Parameters<typeof makeKey>[1], o = org.id) => {
    const k = await makeKey(o, { ...p, rateLimitPerHour: 1_000_000 });
    return { label, kind: "key" as const, perms: k.key.permissions as string[], secret: k.secret };
  };
  // a partner's key: the read_write level (the write preset), bound to the partner
  const partner = await createPartner(org.id, { name: "Partner", email: `partner-${rand()}@example.com`, level: "read_write" }, actor);
  const pk = await makeKey(org.id, { permissions: [...WRITE_PRESET], rateLimitPerHour: 1_000_000 });
  await db.apiKey.update({ where: { id: pk.key.id }, data: { partnerId: partner.partner.id } });
  callers = [
    { ...(await key("another org's admin key", { scopes: ["admin"] }, other.id)), otherOrg: true },
    { label: "no credential", kind: "none" },
    { label: "guest (X-Keydesk-Org)", kind: "guest", slug: org.slug },
    await key("preset read", { scopes: ["read"] }),
    await key("preset write", { scopes: ["write"] }),
    await key("preset admin", { scopes: ["admin"] }),
    ...(await Promise.all(ALL.map((p) => key(`perm ${p}`, { permissions: [p] })))),
    { label: "partner key (read_write)", kind: "key", perms: WRITE_PRESET, secret: pk.secret },
    { label: "agent's desk token", kind: "desk", token: (await mintDeskToken(org.id, agent.id, { expiresInHours: 1 }, actor)).token },
  ];
}, 60_000);

describe("authorization matrix (issue 11)", () => {
  it("every route and method under app/api has exactly one row, and every row a route", () => {
    const present = routes.flatMap((r) => Object.keys(r.handlers).map((m) => `${m} ${r.template}`));
    expect(present.filter((k) => !TABLE[k]), "routes without a row in TABLE").toEqual([]);
    expect(Object.keys(TABLE).filter((k) => !present.includes(k)), "rows without a route").toEqual([]);
  });

  it("every route × every caller answers as the table says", async () => {
    const wrong: string[] = [];
    for (const r of routes) {
      for (const [method, handler] of Object.entries(r.handlers)) {
        const name = `${method} ${r.template}`;
        const row = TABLE[name];
        if (!row || row.skip) continue;
        const t = await targets();
        const params = row.params?.(t) ?? Object.fromEntries(r.params.map((p) => [p, "x"]));
        let path = r.template;
        for (const [k, v] of Object.entries(params)) path = path.replace(new RegExp(`\\{(\\.\\.\\.)?${k}\\}`), v);
        // another organization first, then everyone refused, then everyone allowed: no allowed call can change an answer that matters
        const order = [...callers].sort((a, b) => rank(row, a) - rank(row, b));
        for (const c of order) {
          const headers: Record<string, string> = {};
          if (c.kind === "key") headers.authorization = `Bearer ${c.secret}`;
          if (c.kind === "desk") headers.authorization = `DeskToken ${c.token}`;
          if (c.kind === "guest") headers["x-keydesk-org"] = c.slug;
          const body = row.body?.(t);
          if (body !== undefined) headers["content-type"] = "application/json";
          const req = new Request(`http://localhost${path}${row.query ?? ""}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
          const res = await invoke(handler, req, params);
          const want = expected(row, c);
          const cell = `${name} × ${c.label}`;
          const open = KNOWN_OPEN[cell];
          const ok =
            res.status < 500 &&
            (open !== undefined ? res.status === open : want === "allow" ? res.status !== 401 && res.status !== 403 : res.status === want);
          if (!ok) wrong.push(`${cell}: expected ${open ?? want}, got ${res.status} ${res.text.slice(0, 160)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});

function rank(row: Row, c: Caller) {
  if (c.kind === "key" && c.otherOrg) return 0;
  return expected(row, c) === "allow" ? 2 : 1;
}
