// What each kind of change drops from this process's caches.
import { dropFromCache, keyCache } from "@/lib/keys/key-cache";
import { kbCache } from "@/lib/kb/kb-cache";
import type { Change } from "@/lib/changes/record-change";

export function applyChange(c: { kind: string; ref: string }) {
  const kind = c.kind as Change["kind"];
  if (kind === "key") dropFromCache.key(c.ref);
  else if (kind === "org") dropFromCache.org(c.ref);
  else if (kind === "slug") dropFromCache.slug(c.ref);
  else if (kind === "kb") kbCache.dropOrg(c.ref);
  // A kind this version does not know (written by a newer one): forget everything rather than guess.
  else clearCaches();
}

/** Everything this process caches, forgotten (a feed that starts, or that slept past the retention). */
export function clearCaches() {
  keyCache.clear();
  kbCache.clear();
}
