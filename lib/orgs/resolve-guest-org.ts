// Which organization a request without a key is about (CONTRACT.md §4): X-Keydesk-Org, else the
// host's subdomain, else the only organization there is.
import "server-only";
import { db } from "@/lib/db";
import { getOrgBySlug } from "@/lib/orgs/get-org";
import { keyCache, type CachedOrg } from "@/lib/keys/key-cache";

function subdomainOf(host: string | null): string | null {
  if (!host) return null;
  const name = host.replace(/:\d+$/, "").toLowerCase();
  if (/^[\d.]+$/.test(name) || name.startsWith("[")) return null;
  const labels = name.split(".");
  if (labels.length >= 3) return labels[0]!;
  if (labels.length === 2 && labels[1] === "localhost") return labels[0]!;
  return null;
}

export async function resolveGuestOrg(req: Request): Promise<CachedOrg | null> {
  const named = req.headers.get("x-keydesk-org")?.trim().toLowerCase();
  if (named) return getOrgBySlug(named);
  const sub = subdomainOf(req.headers.get("host") ?? new URL(req.url).host);
  if (sub) {
    const org = await getOrgBySlug(sub);
    if (org) return org;
  }
  // Cached (counting organizations on every guest request is waste); a new organization's feed row
  // drops it, so a second organization ends the single-organization default everywhere.
  const single = keyCache.getSingleOrg();
  if (single) return single.org;
  const epoch = keyCache.epoch();
  const orgs = await db.organization.findMany({ take: 2, select: { slug: true } });
  const org = orgs.length === 1 ? await getOrgBySlug(orgs[0]!.slug) : null;
  keyCache.setSingleOrg(org, epoch);
  return org;
}
