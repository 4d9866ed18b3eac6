// The verification cache: hash -> what a request needs to know about its key, plus a bounded cache
// of unknown hashes so random keys cannot hammer the database, and the organizations' API settings.
// The change feed (lib/changes) is what keeps it true: every change to a cached row appends a feed
// row in its own transaction, and every process drops what those rows name within the feed's
// interval. The TTL is only a backstop.
import { LRUCache } from "lru-cache";
import { feedIsFresh } from "@/lib/changes/feed-state";
import type { IpRange } from "@/lib/keys/ip-allowlist";

export type CachedKey = {
  secretId: string;
  keyId: string;
  organizationId: string;
  partnerId: string | null;
  name: string;
  permissions: string[];
  preset: string | null;
  rateLimitPerHour: number | null;
  keyExpiresAt: number | null;
  secretExpiresAt: number | null;
  revoked: boolean;
  /** This secret was found in public and stopped (the organization's leaked_key_action was revoke). */
  leaked: boolean;
  deleted: boolean;
  /** Paused, by itself or with its partner. */
  disabled: boolean;
  /** A decoy: refused as an unknown key, every use alerts. */
  canary: boolean;
  /** Parsed allowlist; null = any address. */
  allowedIps: IpRange[] | null;
};

export type CachedOrg = {
  id: string;
  slug: string;
  name: string;
  plan: "free" | "starter" | "professional";
  requireApiToken: boolean;
  allowQueryKeys: boolean;
  defaultRateLimitPerHour: number;
  revealPolicy: "reveal" | "show_once";
  leakedKeyAction: "revoke" | "notify";
};

const TTL_MS = 10 * 60_000;

type State = {
  hits: LRUCache<string, CachedKey>;
  misses: LRUCache<string, true>;
  orgs: LRUCache<string, CachedOrg>;
  orgIdBySlug: LRUCache<string, string>;
  hashesByKey: Map<string, Set<string>>;
  /** Guests of a single-organization install: which organization that is (null: none or several). */
  singleOrg: { org: CachedOrg | null } | null;
  /** Bumped by every invalidation: a read that began before it must not fill the cache. */
  epoch: number;
};

// On globalThis: Next bundles this module separately for route handlers and for pages and server
// actions; one copy each would let a server action (delete, claim) miss the API's cached entries.
const g = globalThis as unknown as { keydeskKeyCache?: State };
const state: State = (g.keydeskKeyCache ??= {
  hits: new LRUCache<string, CachedKey>({ max: 50_000, ttl: TTL_MS }),
  misses: new LRUCache<string, true>({ max: 20_000, ttl: TTL_MS }),
  orgs: new LRUCache<string, CachedOrg>({ max: 10_000, ttl: TTL_MS }),
  // guests name their organization by slug: slug -> id, or "" for a slug that names none
  orgIdBySlug: new LRUCache<string, string>({ max: 10_000, ttl: TTL_MS }),
  hashesByKey: new Map<string, Set<string>>(),
  singleOrg: null,
  epoch: 0,
});
const { hits, misses, orgs, orgIdBySlug, hashesByKey } = state;

export const keyCache = {
  /** The epoch to pass to set*(): take it before reading the database. */
  epoch: () => state.epoch,
  get(hash: string): CachedKey | "miss" | undefined {
    // A feed that stopped answering cannot vouch for the cache: read the database instead.
    if (!feedIsFresh()) return undefined;
    const hit = hits.get(hash);
    if (hit) return hit;
    return misses.get(hash) ? "miss" : undefined;
  },
  set(hash: string, value: CachedKey | "miss", epoch: number) {
    if (epoch !== state.epoch) return; // something changed while this was read: it may be stale
    if (value === "miss") {
      misses.set(hash, true);
      return;
    }
    hits.set(hash, value);
    let set = hashesByKey.get(value.keyId);
    if (!set) hashesByKey.set(value.keyId, (set = new Set()));
    set.add(hash);
  },
  getOrg(id: string) {
    return feedIsFresh() ? orgs.get(id) : undefined;
  },
  setOrg(org: CachedOrg, epoch: number) {
    if (epoch !== state.epoch) return;
    orgs.set(org.id, org);
    orgIdBySlug.set(org.slug, org.id);
  },
  /** The org id a slug names, "" when it names none, undefined when not cached. */
  orgIdForSlug(slug: string) {
    return feedIsFresh() ? orgIdBySlug.get(slug) : undefined;
  },
  setUnknownSlug(slug: string, epoch: number) {
    if (epoch === state.epoch) orgIdBySlug.set(slug, "");
  },
  getSingleOrg() {
    return feedIsFresh() ? state.singleOrg : null;
  },
  setSingleOrg(org: CachedOrg | null, epoch: number) {
    if (epoch === state.epoch) state.singleOrg = { org };
  },
  clear() {
    hits.clear();
    misses.clear();
    orgs.clear();
    orgIdBySlug.clear();
    hashesByKey.clear();
    state.singleOrg = null;
    state.epoch++;
  },
};

/** What a change names, dropped from this process's cache (lib/changes applies feed rows with these). */
export const dropFromCache = {
  key(keyId: string) {
    state.epoch++;
    for (const h of hashesByKey.get(keyId) ?? []) hits.delete(h);
    hashesByKey.delete(keyId);
  },
  org(orgId: string) {
    state.epoch++;
    const org = orgs.get(orgId);
    orgs.delete(orgId);
    if (org) orgIdBySlug.delete(org.slug);
    state.singleOrg = null;
  },
  /** A new organization may take a slug cached as unknown, and makes a single-organization install two. */
  slug(slug: string) {
    state.epoch++;
    orgIdBySlug.delete(slug);
    state.singleOrg = null;
  },
  hash(hash: string) {
    state.epoch++;
    misses.delete(hash);
  },
};
