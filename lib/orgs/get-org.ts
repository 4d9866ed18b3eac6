import "server-only";
import { db } from "@/lib/db";
import { keyCache, type CachedOrg } from "@/lib/keys/key-cache";

const select = {
  id: true, slug: true, name: true, plan: true, requireApiToken: true,
  allowQueryKeys: true, defaultRateLimitPerHour: true, revealPolicy: true, leakedKeyAction: true,
} as const;

/** The organization's API settings, through the cache (kept true by the change feed). */
export async function getCachedOrg(id: string): Promise<CachedOrg | null> {
  const hit = keyCache.getOrg(id);
  if (hit) return hit;
  const epoch = keyCache.epoch();
  const org = await db.organization.findUnique({ where: { id }, select });
  if (org) keyCache.setOrg(org, epoch);
  return org;
}

/** An organization by slug (guest requests), through the cache; unknown slugs are cached too. */
export async function getOrgBySlug(slug: string): Promise<CachedOrg | null> {
  const id = keyCache.orgIdForSlug(slug);
  if (id === "") return null;
  if (id) {
    const org = await getCachedOrg(id);
    if (org?.slug === slug) return org;
  }
  const epoch = keyCache.epoch();
  const org = await db.organization.findUnique({ where: { slug }, select });
  if (org) keyCache.setOrg(org, epoch);
  else keyCache.setUnknownSlug(slug, epoch);
  return org;
}
