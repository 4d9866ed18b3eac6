// The server-action half of the authorization matrix (issue 11): every exported action of
// app/**/actions.ts (and the session-only dashboard routes) × {owner, admin, agent, signed out,
// another organization's owner}, run in-process with the session mocked (auth() and next/headers).
// One table says who may call each; an action without a row fails, and so does one whose source
// does not call the role check its row names.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
vi.mock("@/auth", async () => (await import("@/test/session")).sessionMocks.auth);
vi.mock("next/headers", async () => (await import("@/test/session")).sessionMocks.headers);
// next-auth does not load under vitest: the errors the sign-in action tells apart, as plain classes
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {}, CredentialsSignin: class CredentialsSignin extends Error {} }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, refresh: () => {} }));
import { systemActor } from "@/lib/audit/actor";
import { db } from "@/lib/db";
import { mintDeskToken } from "@/lib/desk-tokens/desk-tokens";
import { createPartner } from "@/lib/partners/create-partner";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { sendTestWebhook } from "@/lib/webhooks/send-test-webhook";
import { makeKey, makeOrg, rand } from "@/test/factories";
import { navigationOutcome, signInAs } from "@/test/session";

type Targets = {
  orgId: string; key: string; secretId: string; deletedKey: string; partner: string; partnerKey: string; deletedPartner: string;
  webhook: string; delivery: string; approval: string; agentDeskToken: string;
};
type Who = "admin" | "member" | "public";
/** who: the role check (requireAdmin / requireMembership) or none (token or credential based); names: the call names one of our objects. */
type Row = { who: Who; names?: true; args: (t: Targets) => unknown[] };

const form = (fields: Record<string, string | string[]>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) fd.append(k, x);
  return fd;
};
const withForm = (f: (t: Targets) => Record<string, string | string[]>) => (t: Targets) => [null, form(f(t))];

// ---------------------------------------------------------------------------------------------
// The table: "file#export".
// ---------------------------------------------------------------------------------------------
const API = "app/(dashboard)/settings/api";
export const ACTIONS: Record<string, Row> = {
  "app/(auth)/login/actions.ts#authenticate": { who: "public", args: withForm(() => ({ email: "nobody@example.com", password: "not-the-password" })) },
  "app/(dashboard)/actions.ts#switchOrganization": { who: "member", names: true, args: (t) => [t.orgId] },
  "app/(dashboard)/actions.ts#signOutAction": { who: "public", args: () => [] },
  "app/(dashboard)/approvals/actions.ts#decideApprovalAction": { who: "member", names: true, args: withForm((t) => ({ id: t.approval, status: "approved" })) },
  "app/(dashboard)/profile/actions.ts#mintDeskTokenAction": { who: "member", args: withForm(() => ({ name: "matrix", expires_in_hours: "1" })) },
  "app/(dashboard)/profile/actions.ts#revokeDeskTokenAction": { who: "member", names: true, args: (t) => [t.agentDeskToken] },

  [`${API}/actions.ts#createKeyAction`]: { who: "admin", args: withForm(() => ({ name: "matrix", access: "preset", preset: "read" })) },
  [`${API}/actions.ts#testKeyAction`]: { who: "admin", args: () => ["kd_not_a_key"] },
  [`${API}/actions.ts#updateKeyAction`]: { who: "admin", names: true, args: withForm((t) => ({ keyId: t.key, name: "renamed" })) },
  [`${API}/actions.ts#revealKeyAction`]: { who: "admin", names: true, args: withForm((t) => ({ keyId: t.key, password: "wrong-password-0123" })) },
  [`${API}/actions.ts#rotateKeyAction`]: { who: "admin", names: true, args: withForm((t) => ({ keyId: t.key, old_secret_expiry: "1h" })) },
  [`${API}/actions.ts#retireSecretAction`]: { who: "admin", names: true, args: withForm((t) => ({ keyId: t.key, secretId: t.secretId })) },
  [`${API}/actions.ts#deleteKeyAction`]: { who: "admin", names: true, args: withForm((t) => ({ keyId: t.key })) },
  [`${API}/actions.ts#restoreKeyAction`]: { who: "admin", names: true, args: withForm((t) => ({ keyId: t.deletedKey })) },

  [`${API}/partners/actions.ts#createPartnerAction`]: { who: "admin", args: withForm(() => ({ name: "P", email: `p-${rand()}@example.com`, level: "read" })) },
  [`${API}/partners/actions.ts#resendLinkAction`]: { who: "admin", names: true, args: withForm((t) => ({ partnerId: t.partner, keyId: t.partnerKey })) },
  [`${API}/partners/actions.ts#addPartnerKeyAction`]: { who: "admin", names: true, args: withForm((t) => ({ partnerId: t.partner })) },
  [`${API}/partners/actions.ts#updatePartnerDetailsAction`]: { who: "admin", names: true, args: withForm((t) => ({ partnerId: t.partner, name: "Renamed", email: `r-${rand()}@example.com` })) },
  [`${API}/partners/actions.ts#changeLevelAction`]: { who: "admin", names: true, args: withForm((t) => ({ partnerId: t.partner, level: "read_write" })) },
  [`${API}/partners/actions.ts#deletePartnerAction`]: { who: "admin", names: true, args: withForm((t) => ({ partnerId: t.partner })) },
  [`${API}/partners/actions.ts#restorePartnerAction`]: { who: "admin", names: true, args: withForm((t) => ({ partnerId: t.deletedPartner })) },

  [`${API}/settings/actions.ts#updateApiSettingsAction`]: { who: "admin", args: withForm(() => ({ defaultRateLimitPerHour: "1000", revealPolicy: "reveal" })) },

  [`${API}/webhooks/actions.ts#createWebhookAction`]: { who: "admin", args: withForm(() => ({ url: "https://hooks.example.com/a", events: ["article.published"] })) },
  [`${API}/webhooks/actions.ts#updateWebhookAction`]: { who: "admin", names: true, args: withForm((t) => ({ webhookId: t.webhook, url: "https://hooks.example.com/b", events: ["article.published"] })) },
  [`${API}/webhooks/actions.ts#setWebhookEnabledAction`]: { who: "admin", names: true, args: withForm((t) => ({ webhookId: t.webhook, enabled: "false" })) },
  [`${API}/webhooks/actions.ts#rotateWebhookSecretAction`]: { who: "admin", names: true, args: withForm((t) => ({ webhookId: t.webhook })) },
  [`${API}/webhooks/actions.ts#sendTestWebhookAction`]: { who: "admin", names: true, args: withForm((t) => ({ webhookId: t.webhook })) },
  [`${API}/webhooks/actions.ts#resendDeliveryAction`]: { who: "admin", names: true, args: withForm((t) => ({ webhookId: t.webhook, deliveryId: t.delivery })) },
  [`${API}/webhooks/actions.ts#deleteWebhookAction`]: { who: "admin", names: true, args: withForm((t) => ({ webhookId: t.webhook })) },

  "app/claim/[token]/actions.ts#claimKeyAction": { who: "public", args: withForm(() => ({ token: "not-a-claim-token-0123456789" })) },
  "app/invite/[token]/actions.ts#acceptInvitationAction": { who: "public", args: withForm(() => ({ token: "not-an-invitation-0123456789", name: "X", password: "a-long-password-123" })) },

  // a session-only route handler outside app/api: the same role check as the actions
  "app/(dashboard)/settings/api/history/export/route.ts#GET": { who: "admin", args: () => [new Request("http://localhost/settings/api/history/export")] },
};

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
function actionFiles(dir = "app"): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? actionFiles(p) : e.name === "actions.ts" ? [p] : [];
  });
}

/** The body of `export async function name(` up to the next top-level declaration. */
function sourceOf(file: string, name: string): string {
  const src = fs.readFileSync(file, "utf8");
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
const actor = systemActor("matrix");

async function targets(): Promise<Targets> {
  const key = await makeKey(org.id, { scopes: ["read"] });
  const secret = await db.apiKeySecret.findFirstOrThrow({ where: { keyId: key.key.id } });
  const deletedKey = await makeKey(org.id, { scopes: ["read"] });
  await db.apiKey.update({ where: { id: deletedKey.key.id }, data: { deletedAt: new Date() } });
  const partner = await createPartner(org.id, { name: "P", email: `p-${rand()}@example.com`, level: "read" }, actor);
  const deletedPartner = await createPartner(org.id, { name: "Q", email: `q-${rand()}@example.com`, level: "read" }, actor);
  await db.partner.update({ where: { id: deletedPartner.partner.id }, data: { deletedAt: new Date() } });
  const webhook = await createWebhook(org.id, { url: "https://hooks.example.com/in", events: ["article.published"] }, actor);
  const delivery = await sendTestWebhook(org.id, webhook.webhook.id, actor);
  const approval = await db.approval.create({ data: { organizationId: org.id, title: "A", createdByType: "system", createdByLabel: "matrix" } });
  const desk = await mintDeskToken(org.id, agentId, { expiresInHours: 1 }, actor);
  return {
    orgId: org.id, key: key.key.id, secretId: secret.id, deletedKey: deletedKey.key.id, partner: partner.partner.id, partnerKey: partner.key.id,
    deletedPartner: deletedPartner.partner.id, webhook: webhook.webhook.id, delivery: delivery.id, approval: approval.id, agentDeskToken: desk.deskToken.id,
  };
}

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
      const t = await targets();
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
