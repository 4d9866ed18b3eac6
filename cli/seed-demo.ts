// The demo organization that `db seed` (and the first `npm start`) creates: an owner whose generated
// password is shown once, and a little knowledge base to try the API on.
import crypto from "node:crypto";
import type { Actor } from "@/lib/audit/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/orgs/lock-org";
import { hashPassword } from "@/lib/users/password";

export const DEMO_SLUG = "demo";
export const DEMO_NAME = "Demo Company";
export const DEMO_OWNER_EMAIL = "owner@demo.keydesk.test";

const CATEGORIES = [
  { key: "start", name: "Getting started", description: "First steps with the product" },
  { key: "billing", name: "Billing", description: "Invoices, plans and payments" },
  { key: "internal", name: "Support team", description: "How the support team works (internal)" },
] as const;

const ARTICLES: { title: string; body: string; category: (typeof CATEGORIES)[number]["key"]; visibility: "external" | "internal"; published: boolean }[] = [
  { title: "Welcome to Demo Company", body: "This knowledge base answers the questions our customers ask most. Search it, or browse by category.", category: "start", visibility: "external", published: true },
  { title: "How to reset your password", body: "Open the sign-in page, choose \"Forgot password\" and follow the link we email you. The link is valid for one hour.", category: "start", visibility: "external", published: true },
  { title: "Understanding your invoice", body: "Each invoice lists your plan, the billing period and any usage above the included amount. Taxes are shown separately.", category: "billing", visibility: "external", published: true },
  { title: "Changing your plan", body: "Upgrades take effect at once and are prorated; downgrades take effect at the end of the billing period.", category: "billing", visibility: "external", published: false },
  { title: "Refund policy (draft)", body: "Refunds within 30 days of payment, no questions asked. Still being reviewed by finance.", category: "billing", visibility: "internal", published: false },
  { title: "Escalation playbook", body: "Severity 1: page the on-call engineer at once. Severity 2: open an incident ticket within the hour.", category: "internal", visibility: "internal", published: true },
];

export type SeedResult =
  | { seeded: true; organization: { id: string; slug: string; name: string; plan: string }; owner: { email: string; password: string }; categories: number; articles: number }
  | { seeded: false; reason: string };

/** A password people can type: 20 characters of base62 (about 119 bits). */
export function generatePassword(length = 20): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  let out = "";
  while (out.length < length) {
    for (const b of crypto.randomBytes(length * 2)) {
      if (b < 256 - (256 % alphabet.length) && out.length < length) out += alphabet[b % alphabet.length];
    }
  }
  return out;
}

/**
 * Creates the demo in one transaction. ifEmpty: do nothing when any organization exists; otherwise
 * do nothing but say so when the demo organization itself exists (never a second demo).
 */
export async function seedDemo(opts: { ifEmpty: boolean; actor: Actor }): Promise<SeedResult> {
  if (opts.ifEmpty && (await db.organization.count()) > 0) return { seeded: false, reason: "the database already has an organization" };
  if (await db.organization.findUnique({ where: { slug: DEMO_SLUG }, select: { id: true } })) {
    return { seeded: false, reason: `the demo organization "${DEMO_SLUG}" already exists` };
  }
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  try {
    return await db.$transaction(async (tx) => {
      const org = await tx.organization.create({ data: { slug: DEMO_SLUG, name: DEMO_NAME, plan: "professional" } });
      const owner = await tx.user.create({ data: { email: DEMO_OWNER_EMAIL, name: "Demo Owner", passwordHash } });
      await tx.membership.create({ data: { userId: owner.id, organizationId: org.id, role: "owner" } });
      const ids = new Map<string, string>();
      for (const c of CATEGORIES) {
        const row = await tx.category.create({ data: { organizationId: org.id, name: c.name, description: c.description } });
        ids.set(c.key, row.id);
      }
      for (const a of ARTICLES) {
        await tx.article.create({ data: { organizationId: org.id, categoryId: ids.get(a.category)!, title: a.title, body: a.body, visibility: a.visibility, published: a.published } });
      }
      await recordAuditEvent(tx, {
        organizationId: org.id, actor: opts.actor, action: "org.created", targetType: "organization", targetId: org.id,
        metadata: { slug: org.slug, name: org.name, plan: org.plan, demo: true },
      });
      await recordAuditEvent(tx, {
        organizationId: org.id, actor: opts.actor, action: "member.added", targetType: "user", targetId: owner.id,
        metadata: { email: owner.email, role: "owner", created_user: true },
      });
      return {
        seeded: true as const,
        organization: { id: org.id, slug: org.slug, name: org.name, plan: org.plan },
        owner: { email: owner.email, password },
        categories: CATEGORIES.length,
        articles: ARTICLES.length,
      };
    });
  } catch (e) {
    // another process seeded at the same moment, or the owner's email is taken
    if (isUniqueViolation(e)) {
      if (await db.organization.findUnique({ where: { slug: DEMO_SLUG }, select: { id: true } })) return { seeded: false, reason: `the demo organization "${DEMO_SLUG}" already exists` };
      throw new Error(`Cannot seed: a user with email ${DEMO_OWNER_EMAIL} already exists.`);
    }
    throw e;
  }
}
