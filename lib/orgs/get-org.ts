import { db } from "@/lib/db";
import { keyCache, type CachedOrg } from "@/lib/keys/key-cache";

const select = {
  id: true, slug: true, name: true, plan: true, requireApiToken: true,
  allowQueryKeys: true, defaultRateLimitPerHour: true, revealPolicy: true,
} as const;

/** The organization's API settings, through the cache (invalidated by updateOrgSettings). */
export async function getCachedOrg(id: string): Promise<CachedOrg | null> {
  const hit = keyCache.getOrg(id);
  if (hit) return hit;
  const org = await db.organization.findUnique({ where: { id }, select });
  if (org) keyCache.setOrg(org);
  return org;
}

export async function getOrgBySlug(slug: string): Promise<CachedOrg | null> {
  const org = await db.organization.findUnique({ where: { slug }, select });
  if (org) keyCache.setOrg(org);
  return org;
}
