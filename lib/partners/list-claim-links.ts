// The claim links of partners, for the partner pages: every link of one partner (newest first, to
// show each key's link state), and which partners have an open link whose email failed (to retry).
import "server-only";
import { db } from "@/lib/db";

export function listClaimLinks(organizationId: string, partnerId: string) {
  return db.claimToken.findMany({
    where: { organizationId, partnerId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { keyId: true, expiresAt: true, usedAt: true, voidedAt: true, mailStatus: true, mailError: true, createdAt: true },
  });
}

export async function partnersWithFailedMail(organizationId: string, partnerIds: string[]): Promise<Set<string>> {
  if (partnerIds.length === 0) return new Set();
  const failed = await db.claimToken.findMany({
    where: { organizationId, partnerId: { in: partnerIds }, usedAt: null, voidedAt: null, mailStatus: "failed" },
    select: { partnerId: true },
  });
  return new Set(failed.map((f) => f.partnerId));
}

/** A deleted partner's keys are the ones deleted with it, at the same instant (restored with it): how many each has. */
export async function keysDeletedWithPartners(organizationId: string, partners: { id: string; deleted_at: string | null }[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (partners.length === 0) return counts;
  const keys = await db.apiKey.findMany({ where: { organizationId, partnerId: { in: partners.map((p) => p.id) }, deletedAt: { not: null } }, select: { partnerId: true, deletedAt: true } });
  for (const p of partners) counts.set(p.id, keys.filter((k) => k.partnerId === p.id && k.deletedAt?.toISOString() === p.deleted_at).length);
  return counts;
}
