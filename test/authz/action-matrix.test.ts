// The server-action half of the authorization matrix (issue 11): every exported action of
// lib/actions/*-actions.ts (and the session-only dashboard routes) × {owner, admin, agent, signed out,
// another organization's owner}, run in-process with the session mocked (auth() and next/headers).
// One table says who may call each; an action without a row fails, and so does one whose source
// does not call the role check its row names.
import "@/test/scratch-data-dir";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
vi.mock("@/auth", async () => (await import("@/test/session")).sessionMocks.auth);
vi.mock("next/headers", async () => (await import("@/test/session")).sessionMocks.headers);
// next-auth does not load under vitest: the errors the sign-in action tells apart, as plain classes
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {}, CredentialsSignin: class CredentialsSignin extends Error {} }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, refresh: () => {} }));
import { db } from "@/lib/db";
import { ACTIONS, makeTargets, type Row } from "@/test/authz/action-table";
import { makeOrg, rand } from "@/test/factories";
import { navigationOutcome, signInAs } from "@/test/session";

// ---------------------------------------------------------------------------------------------
type Outcome = "ok" | "refused" | "login" | "forbidden" | "not_found" | "redirect" | "crash";
type Caller = { label: string; userId: string | null; orgId: string | null; otherOrg?: true; role?: "owner" | "admin" | "agent" };

/** What the caller should get: allowed (ok, or a form error from the service), sent to sign in, the 403 page, or refused on another org's object. */
function expected(row: Row, c: Caller): Outcome[] {
  const allowed: Outcome[] = ["ok", "refused", "redirect"];
  if (row.who === "public") return allowed;
  if (c.userId === null) return ["login"];
  if (row.who === "admin" && c.role === "agent") return ["forbidden"];
  if (c.otherOrg && row.names) return ["refused", "not_found"];
  return allowed;
}

function classify(result: unknown): Outcome {
  if (result instanceof Response) return result.status >= 500 ? "crash" : result.status === 403 ? "forbidden" : "ok";
  const r = result as { ok?: boolean; error?: unknown; message?: unknown; errors?: unknown } | null | undefined;
  if (r && (r.error || r.errors || (r.message && !r.ok))) return "refused";
  return "ok";
}

async function run(fn: (...a: unknown[]) => Promise<unknown>, args: unknown[]): Promise<{ outcome: Outcome; detail: string }> {
  try {
    const result = await fn(...args);
    return { outcome: classify(result), detail: JSON.stringify(result instanceof Response ? result.status : result)?.slice(0, 160) ?? "" };
  } catch (e) {
    const nav = navigationOutcome(e);
    if (nav === "redirect") {
      const to = String((e as { digest?: string }).digest ?? "").split(";")[2] ?? "";
      return { outcome: to.startsWith("/login") ? "login" : "redirect", detail: to };
    }
    if (nav === "forbidden" || nav === "not_found") return { outcome: nav, detail: "" };
    return { outcome: "crash", detail: String((e as Error)?.stack ?? e).slice(0, 300) };
  }
}

// ---------------------------------------------------------------------------------------------
/** Every server action file: lib/actions/*-actions.ts (and any "use server" file elsewhere, which must not exist). */
function actionFiles(dir = "lib/actions"): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isFile() && e.name.endsWith("-actions.ts") ? [path.join(dir, e.name)] : []));
}

/** The body of `export async function name(` up to the next top-level declaration. */
function sourceOf(file: string, name: string): string {
  const src = fs.readFileSync(file, "utf8");
  // declared over the action helper (lib/actions/action-client.ts): its client names the role check
  const declared = new RegExp(`export\\s+const\\s+${name}\\s*=\\s*(adminAction|memberAction|publicAction)\\b`).exec(src);
  if (declared) return { adminAction: "requireAdmin()", memberAction: "requireMembership()", publicAction: "" }[declared[1] as "adminAction"];
  const start = src.search(new RegExp(`export\\s+(async\\s+)?function\\s+${name}\\s*\\(`));
  if (start < 0) return "";
  const rest = src.slice(start + 1);
  const end = rest.search(/\n(export |function |const |async function )/);
  return end < 0 ? rest : rest.slice(0, end);
}

let actions: Record<string, (...a: unknown[]) => Promise<unknown>>;
let org: Awaited<ReturnType<typeof makeOrg>>;
let callers: Caller[];
let agentId: string;

beforeAll(async () => {
  actions = {};
  for (const file of actionFiles()) {
    const mod = (await import(path.resolve(file))) as Record<string, unknown>;
    for (const [name, v] of Object.entries(mod)) if (typeof v === "function") actions[`${file}#${name}`] = v as (...a: unknown[]) => Promise<unknown>;
  }
  const exportRoute = await import("@/app/(dashboard)/settings/api/history/export/route");
  actions["app/(dashboard)/settings/api/history/export/route.ts#GET"] = exportRoute.GET as (...a: unknown[]) => Promise<unknown>;

  org = await makeOrg();
  const other = await makeOrg();
  const member = async (label: string, role: "owner" | "admin" | "agent", o = org.id, otherOrg?: true): Promise<Caller> => {
    const u = await db.user.create({ data: { email: `${role}-${rand()}@example.com`, name: label } });
    await db.membership.create({ data: { userId: u.id, organizationId: o, role } });
    return { label, userId: u.id, orgId: o, role, otherOrg };
  };
  const agent = await member("agent", "agent");
  agentId = agent.userId!;
  callers = [await member("another org's owner", "owner", other.id, true), { label: "signed out", userId: null, orgId: null }, agent, await member("admin", "admin"), await member("owner", "owner")];
}, 60_000);

describe("server actions authorization matrix (issue 11)", () => {
  it("every exported action has exactly one row, and every row an action", () => {
    expect(Object.keys(actions).filter((k) => !ACTIONS[k]), "actions without a row in ACTIONS").toEqual([]);
    expect(Object.keys(ACTIONS).filter((k) => !actions[k]), "rows without an action").toEqual([]);
  });

  it("each action calls the role check its row names", () => {
    const wrong: string[] = [];
    for (const [k, row] of Object.entries(ACTIONS)) {
      const [file, name] = k.split("#") as [string, string];
      const body = sourceOf(file, name);
      const admin = /\brequireAdmin\(\)/.test(body);
      const member = /\brequireMembership\(\)/.test(body);
      const ok = row.who === "admin" ? admin : row.who === "member" ? member && !admin : !admin && !member;
      if (!ok) wrong.push(`${k}: row says ${row.who}, source has${admin ? " requireAdmin()" : ""}${member ? " requireMembership()" : ""}${!admin && !member ? " no role check" : ""}`);
    }
    expect(wrong).toEqual([]);
  });

  it("every action × {owner, admin, agent, signed out, another org's owner} answers as the table says", async () => {
    const wrong: string[] = [];
    for (const [k, row] of Object.entries(ACTIONS)) {
      const t = await makeTargets(org.id, agentId);
      // another organization first, then the refused, then the allowed: an allowed call cannot change an answer that matters
      const order = [...callers].sort((a, b) => rank(row, a) - rank(row, b));
      for (const c of order) {
        signInAs(c.userId, c.orgId);
        const { outcome, detail } = await run(actions[k]!, row.args(t));
        const want = expected(row, c);
        if (process.env.MATRIX_DEBUG) console.log(`${k.split("/").slice(-2).join("/")} × ${c.label}: ${outcome} ${detail.slice(0, 100)}`);
        if (!want.includes(outcome)) wrong.push(`${k} × ${c.label}: expected ${want.join("|")}, got ${outcome} ${detail}`);
      }
    }
    signInAs(null);
    expect(wrong).toEqual([]);
  }, 120_000);
});

function rank(row: Row, c: Caller) {
  if (c.otherOrg) return 0;
  return expected(row, c).includes("ok") ? 2 : 1;
}
