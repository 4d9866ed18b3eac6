// Test data with random names: each test makes its own organization, users and keys.
import crypto from "node:crypto";
import { db } from "@/lib/db";
import { systemActor } from "@/lib/audit/actor";
import { announceChanges } from "@/lib/changes/announce-changes";
import { createKey, type CreateKeyParams } from "@/lib/keys/create-key";

export const rand = (n = 8) => crypto.randomBytes(n).toString("hex").slice(0, n);

export async function makeOrg(over: Partial<{ plan: "free" | "starter" | "professional"; requireApiToken: boolean; allowQueryKeys: boolean; defaultRateLimitPerHour: number; revealPolicy: "reveal" | "show_once" }> = {}) {
  const slug = `org-${rand()}`;
  return db.organization.create({ data: { slug, name: `Org ${slug}`, plan: "professional", ...over } });
}

export async function makeKey(organizationId: string, params: CreateKeyParams = { scopes: ["read"] }) {
  return createKey(organizationId, params, systemActor("test"));
}

/** Written straight to the table, so it also drops the organization's cached reads, as the services do. */
export async function makeArticle(organizationId: string, over: Partial<{ title: string; body: string; visibility: "external" | "internal"; published: boolean; categoryId: string | null }> = {}) {
  const article = await db.article.create({
    data: { organizationId, title: `Article ${rand()}`, body: "Body text", visibility: "external", published: true, ...over },
  });
  announceChanges([{ kind: "kb", ref: organizationId }]);
  return article;
}
