// The verification cache: hash -> what a request needs to know about its key, plus a bounded cache
// of unknown hashes so random keys cannot hammer the database. Every change made through the key
// services calls invalidateKey(); with REDIS_URL the invalidation is published to other instances.
import { LRUCache } from "lru-cache";
import { env } from "@/lib/env";

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
  deleted: boolean;
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
};

// On globalThis: Next bundles this module separately for route handlers and for pages and server
// actions; one copy each would let a server action (delete, claim) miss the API's cached entries.
const g = globalThis as unknown as {
  keydeskKeyCache?: {
    hits: LRUCache<string, CachedKey>;
    misses: LRUCache<string, true>;
    orgs: LRUCache<string, CachedOrg>;
    orgIdBySlug: LRUCache<string, string>;
    hashesByKey: Map<string, Set<string>>;
  };
};
const { hits, misses, orgs, orgIdBySlug, hashesByKey } = (g.keydeskKeyCache ??= {
  hits: new LRUCache<string, CachedKey>({ max: 50_000, ttl: 60_000 }),
  misses: new LRUCache<string, true>({ max: 20_000, ttl: 60_000 }),
  orgs: new LRUCache<string, CachedOrg>({ max: 10_000, ttl: 60_000 }),
  // guests name their organization by slug: slug -> id, or "" for a slug that names none
  orgIdBySlug: new LRUCache<string, string>({ max: 10_000, ttl: 60_000 }),
  hashesByKey: new Map<string, Set<string>>(),
});

export const keyCache = {
  get(hash: string): CachedKey | "miss" | undefined {
    const hit = hits.get(hash);
    if (hit) return hit;
    return misses.get(hash) ? "miss" : undefined;
  },
  set(hash: string, value: CachedKey | "miss") {
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
    return orgs.get(id);
  },
  setOrg(org: CachedOrg) {
    orgs.set(org.id, org);
    orgIdBySlug.set(org.slug, org.id);
  },
  /** The org id a slug names, "" when it names none, undefined when not cached. */
  orgIdForSlug(slug: string) {
    return orgIdBySlug.get(slug);
  },
  setUnknownSlug(slug: string) {
    orgIdBySlug.set(slug, "");
  },
  /** A new organization may take a slug cached as unknown. */
  forgetSlug(slug: string) {
    orgIdBySlug.delete(slug);
  },
  clear() {
    hits.clear();
    misses.clear();
    orgs.clear();
    orgIdBySlug.clear();
    hashesByKey.clear();
  },
};

function dropKey(keyId: string) {
  for (const h of hashesByKey.get(keyId) ?? []) hits.delete(h);
  hashesByKey.delete(keyId);
}

// --- invalidation, local and (with Redis) across instances ---------------------------------------
const CHANNEL = "keydesk:cache-invalidate";
type Message = { kind: "key" | "org" | "hash"; id: string };
let publisher: { publish(channel: string, message: string): Promise<unknown> } | null = null;
let started = false;

function apply(m: Message) {
  if (m.kind === "key") dropKey(m.id);
  else if (m.kind === "org") orgs.delete(m.id);
  else misses.delete(m.id);
}

async function startBus() {
  if (started || !env.redisUrl) return;
  started = true;
  const { default: Redis } = await import("ioredis");
  const sub = new Redis(env.redisUrl, { lazyConnect: false, maxRetriesPerRequest: null });
  const pub = new Redis(env.redisUrl, { maxRetriesPerRequest: 1 });
  sub.on("error", () => {});
  pub.on("error", () => {});
  await sub.subscribe(CHANNEL).catch(() => {});
  sub.on("message", (_c: string, text: string) => {
    try {
      apply(JSON.parse(text) as Message);
    } catch {
      /* ignore foreign messages */
    }
  });
  publisher = pub;
}

function broadcast(m: Message) {
  apply(m);
  if (!env.redisUrl) return;
  void startBus().then(() => publisher?.publish(CHANNEL, JSON.stringify(m)).catch(() => {}));
}

/** Start listening for other instances' invalidations (called on the first keyed request). */
export function ensureCacheBus() {
  if (env.redisUrl && !started) void startBus();
}

export const invalidateKey = (keyId: string) => broadcast({ kind: "key", id: keyId });
export const invalidateOrg = (orgId: string) => broadcast({ kind: "org", id: orgId });
/** A new secret's hash may sit in the miss cache (it cannot in practice, but never trust that). */
export const invalidateHash = (hash: string) => broadcast({ kind: "hash", id: hash });
