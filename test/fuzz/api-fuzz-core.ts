// The API fuzz's core (issue 11, issue 16): two tenants with one of everything, and for each operation
// of the served OpenAPI document a property over hostile path ids, query values, bodies derived from
// its request schema and then mutated, and mangled credentials. Invariants: never a 5xx; every error
// is problem+json with a `code`. How a call reaches the API is the caller's: in-process
// (test/fuzz/api-fuzz.test.ts) or over HTTP to each server mode (e2e/api/api-fuzz.spec.ts).
import fc from "fast-check";
import { encode } from "next-auth/jwt";
import { systemActor } from "@/lib/audit/actor";
import { db } from "@/lib/db";
import { mintDeskToken } from "@/lib/desk-tokens/mint-desk-token";
import { env } from "@/lib/env";
import { createPartner } from "@/lib/partners/create-partner";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { sendTestWebhook } from "@/lib/webhooks/send-test-webhook";
import { makeArticle, makeKey, makeOrg, rand } from "@/test/factories";
import { headerString, hostileQuery, hostileString, queryString, rawQuerySuffix } from "@/test/fuzz/hostile";
import { valid, wireBody, type Hints, type JsonSchema } from "@/test/fuzz/schema-arbitrary";

export type Operation = { method: string; path: string; op: JsonSchema };
export type Tenant = Awaited<ReturnType<typeof makeTenant>>;
/** One call: the method, the path with its query (from the root), headers, body, and the decoded path params. */
export type FuzzCall = { method: string; template: string; url: string; headers: Headers; body: string | undefined; params: Record<string, string> };
export type FuzzAnswer = { status: number; headers: Headers; text: string };
export type FuzzStats = { failures: string[]; statuses: Map<string, Map<number, number>> };

const METHODS = ["get", "post", "put", "patch", "delete"] as const;


export async function makeTenant() {
  const org = await makeOrg();
  const actor = systemActor("fuzz");
  // the key the final check uses: never named in a path, never used for calls
  const check = await makeKey(org.id, { name: "check", scopes: ["admin"] });
  // the key most calls use (no rate limit in the way), and one the fuzz may rename, rotate or delete
  const caller = await makeKey(org.id, { name: "caller", scopes: ["admin"], rateLimitPerHour: 1_000_000 });
  const writer = await makeKey(org.id, { name: "writer", scopes: ["write"], rateLimitPerHour: 1_000_000 });
  const owner = await db.user.create({ data: { email: `owner-${rand()}@example.com`, name: "Owner" } });
  const agent = await db.user.create({ data: { email: `agent-${rand()}@example.com`, name: "Agent" } });
  await db.membership.create({ data: { userId: owner.id, organizationId: org.id, role: "owner" } });
  await db.membership.create({ data: { userId: agent.id, organizationId: org.id, role: "agent" } });
  // two of each: a keeper that only non-destructive calls name, and one DELETE may take away
  const made = async () => {
    const category = await db.category.create({ data: { organizationId: org.id, name: `Cat ${rand()}` } });
    const article = await makeArticle(org.id, { categoryId: category.id });
    const internal = await makeArticle(org.id, { visibility: "internal", published: false });
    const approval = await db.approval.create({ data: { organizationId: org.id, title: "Refund", createdByType: "system", createdByLabel: "fuzz" } });
    const victim = await makeKey(org.id, { name: "victim", scopes: ["read"] });
    const partner = await createPartner(org.id, { name: "Acme", email: `p-${rand()}@example.com`, level: "read_write" }, actor);
    const webhook = await createWebhook(org.id, { url: "https://hooks.example.com/in", events: ["article.published"] }, actor);
    const delivery = await sendTestWebhook(org.id, webhook.webhook.id, actor);
    const desk = await mintDeskToken(org.id, agent.id, { expiresInHours: 24 }, actor);
    return {
      articles: [article.id, internal.id], categories: [category.id], keys: [victim.key.id], partners: [partner.partner.id],
      webhooks: [webhook.webhook.id], deliveries: [delivery.id], "desk-tokens": [desk.deskToken.id], approvals: [approval.id], users: [agent.id],
    } as Record<string, string[]>;
  };
  const keep = await made();
  const disposable = await made();
  const desk = await mintDeskToken(org.id, agent.id, { expiresInHours: 24 }, actor);
  const session = await encode({ token: { sub: owner.id }, secret: env.authSecret, salt: "authjs.session-token" });
  return { org, check, caller, writer, owner, agent, desk: desk.token, session, keep, disposable };
}

/** The fuzz over one document and two tenants; `run` drives every operation through `send`. */
export function apiFuzz(doc: JsonSchema, ours: Tenant, theirs: Tenant) {
  /** Ids for a path or body field: ours (only the disposable ones for a DELETE), another tenant's, or hostile. */
  function idsFor(kind: string, destructive = false): fc.Arbitrary<string> {
    const own = [...(ours.disposable[kind] ?? []), ...(destructive ? [] : ours.keep[kind] ?? [])];
    const other = [...(theirs.keep[kind] ?? []), ...(theirs.disposable[kind] ?? [])];
    const known = [...own, ...other];
    return known.length
      ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...own.length ? own : known) }, { weight: 1, arbitrary: fc.constantFrom(...known) }, { weight: 2, arbitrary: hostileString })
      : hostileString;
  }

  /** What a path parameter names: the collection before it (`/webhooks/{id}`), or the parameter itself. */
  function kindOf(path: string, param: string) {
    if (param === "deliveryId") return "deliveries";
    const m = new RegExp(`/([\\w-]+)/\\{${param}\\}`).exec(path);
    return m?.[1] ?? param;
  }

  function hints(): Hints {
    return {
      id: fc.oneof(idsFor("approvals"), idsFor("keys")),
      category_id: idsFor("categories"),
      parent_id: idsFor("categories"),
      partner_id: idsFor("partners"),
      key_id: idsFor("keys"),
    };
  }

  type Credential = { label: string; headers: Record<string, string>; query: [string, string][] };

  function credentials(): fc.Arbitrary<Credential> {
    const c = (label: string, headers: Record<string, string> = {}, query: [string, string][] = []) => ({ label, headers, query });
    const sessionHeaders = { cookie: `authjs.session-token=${ours.session}`, origin: "http://localhost", host: "localhost" };
    return fc.oneof(
      { weight: 8, arbitrary: fc.constant(c("admin key", { authorization: `Bearer ${ours.caller.secret}` })) },
      { weight: 2, arbitrary: fc.constant(c("write key", { "x-api-key": ours.writer.secret })) },
      { weight: 2, arbitrary: fc.constant(c("owner session", sessionHeaders)) },
      { weight: 2, arbitrary: fc.constant(c("agent desk token", { authorization: `DeskToken ${ours.desk}` })) },
      { weight: 1, arbitrary: fc.constant(c("other tenant's admin key", { authorization: `Bearer ${theirs.caller.secret}` })) },
      { weight: 1, arbitrary: fc.constant(c("none")) },
      {
        weight: 3,
        arbitrary: fc.oneof(
          fc.constant(c("Bearer %", { authorization: "Bearer %" })),
          fc.constant(c("session cookie %", { cookie: "authjs.session-token=%" })),
          fc.constant(c("session cookie % + admin key", { cookie: "authjs.session-token=%; keydesk-org=%", authorization: `Bearer ${ours.caller.secret}` })),
          fc.constant(c("secure cookie garbage", { cookie: "__Secure-authjs.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..x.y.z" })),
          headerString.map((v) => c("bad X-API-Key", { "x-api-key": v })),
          headerString.map((v) => c("bad Authorization", { authorization: v })),
          headerString.map((v) => c("bad bearer", { authorization: `Bearer ${v}` })),
          headerString.map((v) => c("bad desk token", { authorization: `DeskToken ${v}` })),
          headerString.map((v) => c("bad cookie", { cookie: `authjs.session-token=${v}` })),
          hostileString.map((v) => c("bad ?api_key", {}, [["api_key", v]])),
          fc.constant(c("admin key in query", {}, [["api_key", ours.caller.secret]])),
          headerString.map((v) => c("org slug", { "x-keydesk-org": v })),
          fc.constant(c("guest of our org", { "x-keydesk-org": ours.org.slug })),
        ),
      },
    );
  }

  function operationsOf(doc: JsonSchema): Operation[] {
    const out: Operation[] = [];
    for (const [path, item] of Object.entries<JsonSchema>(doc.paths)) {
      for (const m of METHODS) if (item[m]) out.push({ method: m.toUpperCase(), path, op: item[m] });
    }
    return out;
  }

  async function run(send: (call: FuzzCall) => Promise<FuzzAnswer>, { seed, runs, stats }: { seed: number; runs: number; stats: FuzzStats }) {
    for (const o of operationsOf(doc)) {
      const pathParams: Record<string, fc.Arbitrary<string>> = {};
      for (const [, p] of o.path.matchAll(/\{(\w+)\}/g)) pathParams[p!] = idsFor(kindOf(o.path, p!), o.method === "DELETE");
      const queryNames = (o.op.parameters ?? []).filter((p: JsonSchema) => p.in === "query").map((p: JsonSchema) => p.name as string);
      const validQuery = fc.tuple(
        ...((o.op.parameters ?? []) as JsonSchema[])
          .filter((p) => p.in === "query")
          .map((p) => fc.option(valid(p.schema, hints(), p.name).map((v) => [p.name, String(v)] as [string, string]), { nil: undefined })),
      ).map((xs) => xs.filter((x): x is [string, string] => x !== undefined));
      const query = fc.oneof(validQuery, hostileQuery(queryNames));
      const schema = o.op.requestBody?.content?.["application/json"]?.schema as JsonSchema | undefined;
      // operations without a body get junk bodies now and then
      const body = schema ? wireBody(schema, hints()) : fc.oneof({ weight: 4, arbitrary: fc.constant({ text: undefined, contentType: undefined }) }, { weight: 1, arbitrary: wireBody({ type: "object" }) });

      await fc.assert(
        fc.asyncProperty(fc.record(pathParams), query, rawQuerySuffix, body, credentials(), async (params, q, raw, b, cred) => {
          let path = o.path;
          for (const [k, v] of Object.entries(params)) path = path.replace(`{${k}}`, encodeURIComponent(v.toWellFormed()));
          const url = `${path}${queryString([...q, ...cred.query], raw)}`;
          const headers = new Headers(cred.headers);
          if (b.contentType) headers.set("content-type", b.contentType);
          const res = await send({ method: o.method, template: o.path, url, headers, body: o.method === "GET" || o.method === "HEAD" ? undefined : b.text, params });
          const seen = stats.statuses.get(`${o.method} ${o.path}`) ?? new Map<number, number>();
          seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
          stats.statuses.set(`${o.method} ${o.path}`, seen);
          let problem: { code?: unknown } | null = null;
          try {
            problem = JSON.parse(res.text) as { code?: unknown } | null;
          } catch {
            /* not JSON */
          }
          const bad =
            res.status >= 500 ? "5xx" :
            res.status >= 400 && res.headers.get("content-type") !== "application/problem+json" ? "error without problem+json" :
            res.status >= 400 && typeof problem?.code !== "string" ? "problem without a code" : null;
          if (bad) {
            const what = `${bad}: ${o.method} ${url.slice(0, 300)} [${cred.label}] params=${JSON.stringify(params).slice(0, 200)} body(${b.contentType})=${(b.text ?? "").slice(0, 300)} → ${res.status} ${res.text.slice(0, 300)}`;
            stats.failures.push(what);
            throw new Error(what);
          }
        }),
        { seed, numRuns: runs, endOnFailure: true },
      );
    }
  }

  return { operations: () => operationsOf(doc), run };
}
