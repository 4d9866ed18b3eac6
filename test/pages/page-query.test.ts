// Dashboard pages run in-process (session mocked) with hostile query strings and ids: they render,
// or answer 404 for an id that is not theirs, and never throw (a thrown error is the 500 page).
import fc from "fast-check";
import { isValidElement, type ReactNode } from "react";
import { beforeAll, describe, expect, it, vi } from "vitest";
vi.mock("@/auth", async () => (await import("@/test/session")).sessionMocks.auth);
vi.mock("next/headers", async () => (await import("@/test/session")).sessionMocks.headers);
import ApprovalsPage from "@/app/(dashboard)/approvals/page";
import HistoryPage from "@/app/(dashboard)/settings/api/history/page";
import KeysPage from "@/app/(dashboard)/settings/api/page";
import KeyPage from "@/app/(dashboard)/settings/api/keys/[id]/page";
import PartnersPage from "@/app/(dashboard)/settings/api/partners/page";
import PartnerPage from "@/app/(dashboard)/settings/api/partners/[id]/page";
import WebhooksPage from "@/app/(dashboard)/settings/api/webhooks/page";
import WebhookPage from "@/app/(dashboard)/settings/api/webhooks/[id]/page";
import { systemActor } from "@/lib/audit/actor";
import { db } from "@/lib/db";
import { createPartner } from "@/lib/partners/create-partner";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { fuzzSeed, hostileQuery, hostileString } from "@/test/fuzz/hostile";
import { makeKey, makeOrg, rand } from "@/test/factories";
import { navigationOutcome, signInAs } from "@/test/session";

type SP = Record<string, string | string[] | undefined>;
type Page = (props: { params: Promise<{ id: string }>; searchParams: Promise<SP> }) => Promise<unknown>;

let ids: { key: string; partner: string; webhook: string };

beforeAll(async () => {
  const org = await makeOrg();
  const user = await db.user.create({ data: { email: `owner-${rand()}@example.com`, name: "Owner" } });
  await db.membership.create({ data: { userId: user.id, organizationId: org.id, role: "owner" } });
  const key = await makeKey(org.id, { scopes: ["admin"] });
  const partner = await createPartner(org.id, { name: "Acme", email: `p-${rand()}@example.com`, level: "read" }, systemActor("test"));
  const webhook = await createWebhook(org.id, { url: "https://hooks.example.com/in", events: ["article.published"] }, systemActor("test"));
  ids = { key: key.key.id, partner: partner.partner.id, webhook: webhook.webhook.id };
  // another organization's objects: ids a hostile URL may name
  const other = await makeOrg();
  await makeKey(other.id, { scopes: ["admin"] });
  signInAs(user.id, org.id);
});

/** Next's searchParams: a repeated name becomes an array. */
function searchParams(pairs: [string, string][]): SP {
  const out: SP = {};
  for (const [k, v] of pairs) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

/** Renders the page function; a 404 (notFound) counts as handled, anything else thrown fails. */
async function render(page: Page, sp: SP, id = "") {
  try {
    return { ok: true as const, tree: await page({ params: Promise.resolve({ id }), searchParams: Promise.resolve(sp) }) };
  } catch (e) {
    if (navigationOutcome(e) === "not_found") return { ok: true as const, tree: null };
    return { ok: false as const, error: e };
  }
}

function textOf(node: unknown): string {
  if (node === null || node === undefined || typeof node === "boolean") return "";
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(textOf).join("");
  if (isValidElement(node)) return textOf((node.props as { children?: ReactNode }).children);
  return "";
}

const PAGES: { name: string; page: Page; params: string[]; id?: () => string }[] = [
  { name: "/settings/api", page: KeysPage as Page, params: ["status", "q", "perm", "holds", "sort", "page", "deleted"] },
  { name: "/settings/api/history", page: HistoryPage as Page, params: ["actor", "action", "key", "from", "to", "page"] },
  { name: "/settings/api/keys/[id]", page: KeyPage as Page, params: ["range", "by"], id: () => ids.key },
  { name: "/settings/api/partners", page: PartnersPage as Page, params: ["status", "page", "deleted"] },
  { name: "/settings/api/partners/[id]", page: PartnerPage as Page, params: [], id: () => ids.partner },
  { name: "/settings/api/webhooks", page: WebhooksPage as Page, params: ["page", "deleted"] },
  { name: "/settings/api/webhooks/[id]", page: WebhookPage as Page, params: ["status", "page"], id: () => ids.webhook },
  { name: "/approvals", page: ApprovalsPage as Page, params: ["page"] },
];

describe("dashboard pages parse any query string (issue 11)", () => {
  it("the query strings that crashed them render", async () => {
    const cases: [Page, SP][] = [
      [HistoryPage as Page, { from: "2024-13-45" }],
      [HistoryPage as Page, { from: "0000-01-01", to: "9999-12-31" }],
      [HistoryPage as Page, { actor: ["a", "b"], from: ["2024-01-01", "x"] }],
      [KeysPage as Page, { sort: "constructor" }],
      [KeysPage as Page, { sort: "__proto__", q: ["x", "y"], page: "1e30" }],
      [ApprovalsPage as Page, { page: "1e30" }],
      [ApprovalsPage as Page, { page: "1e309" }],
      [HistoryPage as Page, { actor: "a\u0000b", key: "\u0000", action: "\uD800" }],
      [KeysPage as Page, { q: "a\u0000", deleted: "\u0000" }],
    ];
    for (const [page, sp] of cases) {
      const r = await render(page, sp);
      expect(r.ok, `${JSON.stringify(sp)}: ${r.ok ? "" : (r.error as Error)?.message}`).toBe(true);
    }
    for (const page of [KeyPage, PartnerPage, WebhookPage] as Page[]) {
      for (const id of ["\u0000", "%", "../", "x".repeat(100_000)]) {
        const r = await render(page, {}, id);
        expect(r.ok, `${page.name} ${JSON.stringify(id.slice(0, 10))}: ${r.ok ? "" : (r.error as Error)?.message}`).toBe(true);
      }
    }
  });

  it("history says which date it ignored", async () => {
    const r = await render(HistoryPage as Page, { from: "2024-13-45", to: "2024-01-31" });
    expect(textOf(r.ok && r.tree)).toContain("Ignored the from date");
    const fine = await render(HistoryPage as Page, { from: "2024-01-01" });
    expect(textOf(fine.ok && fine.tree)).not.toContain("Ignored");
  });

  it("fuzz: hostile query strings and ids on every page", async () => {
    const seed = fuzzSeed("dashboard pages (in-process)");
    for (const p of PAGES) {
      const id = p.id ? fc.oneof({ weight: 1, arbitrary: fc.constant(p.id()) }, { weight: 3, arbitrary: hostileString }) : fc.constant("");
      await fc.assert(
        fc.asyncProperty(hostileQuery(p.params), id, async (pairs, theId) => {
          const r = await render(p.page, searchParams(pairs), theId);
          if (!r.ok) throw new Error(`${p.name} id=${JSON.stringify(theId.slice(0, 80))} query=${JSON.stringify(pairs).slice(0, 300)} threw: ${(r.error as Error)?.stack ?? r.error}`);
        }),
        { seed, numRuns: 25 },
      );
    }
  }, 120_000);
});
