// The change feed's process-wide state, read by the caches on their hot path (a separate module, so
// the caches do not import the feed's database and network code). On globalThis: one feed per
// process however many bundles import this.

/** After this long without a successful poll, cached entries are not trusted (the database is read). */
export const STALE_AFTER_MS = 5_000;

export type FeedState = {
  /** Set while a feed runs in this process; without one (CLI, unit tests) the caches trust themselves. */
  running: boolean;
  /** Highest id below which every row has been applied. */
  cursor: number;
  /** Ids above the cursor already applied (a lower id may still commit later). */
  seen: Set<number>;
  /** When the lowest missing id above the cursor was first noticed. */
  gapSince: number | null;
  lastOkAt: number;
  applied: number;
};

const g = globalThis as unknown as { keydeskFeedState?: FeedState };
export const feedState: FeedState = (g.keydeskFeedState ??= { running: false, cursor: 0, seen: new Set(), gapSince: null, lastOkAt: 0, applied: 0 });

export function feedIsFresh(now = Date.now()): boolean {
  return !feedState.running || now - feedState.lastOkAt <= STALE_AFTER_MS;
}

/** Milliseconds since the feed was last known to be current (0 when no feed runs here). */
export function feedLagMs(now = Date.now()): number | null {
  return feedState.running ? Math.max(0, now - feedState.lastOkAt) : null;
}
