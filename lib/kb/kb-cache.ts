// Hot knowledge-base reads from memory: one article, the article lists of the common queries, the
// categories, as the API answers them, per organization and audience. Filled on first read; kept
// true by the change feed: every article or category write appends a "kb" row naming its
// organization in its own transaction, and every process forgets that organization's entries
// within the feed's interval (the writing process at once). Bounded by bytes; the TTL is a backstop.
import { LRUCache } from "lru-cache";
import { feedIsFresh } from "@/lib/changes/feed-state";

const TTL_MS = 10 * 60_000;
const MAX_BYTES = 64 * 1024 * 1024;

type Entry = { value: unknown; generation: number };

type State = {
  entries: LRUCache<string, Entry>;
  /** Bumped for an organization whenever its knowledge base changes: older entries are dead. */
  generations: Map<string, number>;
  /** Bumped by clear(): every generation before it is dead. */
  base: number;
};

// On globalThis: Next bundles this module into several chunks, and the API dispatcher loads the
// sources themselves; every copy must see the same entries and the same invalidations.
const g = globalThis as unknown as { keydeskKbCache?: State };
const state: State = (g.keydeskKbCache ??= {
  entries: new LRUCache<string, Entry>({
    maxSize: MAX_BYTES,
    // the answer's JSON length stands for its size; computed once per fill
    sizeCalculation: (e) => Math.max(1, JSON.stringify(e.value ?? null).length),
    ttl: TTL_MS,
  }),
  generations: new Map(),
  base: 0,
});

const generationOf = (organizationId: string) => state.base * 2 ** 32 + (state.generations.get(organizationId) ?? 0);

export const kbCache = {
  /**
   * The cached answer for `key` in this organization, else `load()`'s, kept for the next request
   * unless the organization's knowledge base changed while it was being read. `null` (not found) is
   * an answer like any other.
   */
  async read<T>(organizationId: string, key: string, load: () => Promise<T>): Promise<T> {
    const id = `${organizationId}\u0000${key}`;
    const generation = generationOf(organizationId);
    // A feed that stopped answering cannot vouch for the cache: read the database instead.
    if (feedIsFresh()) {
      const hit = state.entries.get(id);
      if (hit && hit.generation === generation) return hit.value as T;
    }
    const value = await load();
    if (generationOf(organizationId) === generation) state.entries.set(id, { value, generation });
    return value;
  },
  /** An article or category of this organization changed (lib/changes applies "kb" rows with it). */
  dropOrg(organizationId: string) {
    state.generations.set(organizationId, (state.generations.get(organizationId) ?? 0) + 1);
  },
  clear() {
    state.entries.clear();
    state.generations.clear();
    state.base++;
  },
};
