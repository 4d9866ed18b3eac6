// Every process tails the change table: one indexed query for rows after the last id it saw, every
// 250 ms, sooner when PostgreSQL's NOTIFY (sent by the committing transaction) or Redis pub/sub (sent
// after the commit) wakes it. Applying a row drops the cached entries it names; rows older than an hour
// are purged. Ids are assigned at insert, not at commit, so on PostgreSQL a lower id can appear after
// a higher one: the cursor stops below a missing id until it shows up or is clearly a rollback's gap.
import "server-only";
import pg from "pg";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { applyChange, clearCaches } from "@/lib/changes/apply-change";
import { setWakePublisher } from "@/lib/changes/announce-changes";
import { feedState as state } from "@/lib/changes/feed-state";
import { PG_CHANNEL } from "@/lib/changes/record-change";

export const POLL_INTERVAL_MS = 250;
/** A missing id older than this belongs to a rolled-back transaction (they last 5 s at most). */
export const GAP_WAIT_MS = 15_000;
export const RETAIN_MS = 3600_000;
const PURGE_EVERY_MS = 60_000;
const BATCH = 1000;
const REDIS_CHANNEL = "keydesk:changes";

/** Applies the rows committed since the last poll. Returns how many were new. */
export async function pollChanges(now = Date.now()): Promise<number> {
  const rows = await db.cacheChange.findMany({ where: { id: { gt: state.cursor } }, orderBy: { id: "asc" }, take: BATCH, select: { id: true, kind: true, ref: true } });
  let applied = 0;
  for (const r of rows) {
    if (state.seen.has(r.id)) continue;
    applyChange(r);
    state.seen.add(r.id);
    applied++;
  }
  advanceCursor(now);
  // A process that slept longer than rows are kept may have missed purged ones: start afresh.
  if (state.lastOkAt && now - state.lastOkAt > RETAIN_MS / 2) clearCaches();
  state.lastOkAt = now;
  state.applied += applied;
  // A full batch means more are waiting.
  if (rows.length === BATCH) return applied + (await pollChanges(now));
  return applied;
}

function advanceCursor(now: number) {
  while (state.seen.delete(state.cursor + 1)) state.cursor++;
  if (state.seen.size === 0) {
    state.gapSince = null;
    return;
  }
  // rows above a missing id: wait for it, but not for ever (a rollback leaves its id unused)
  state.gapSince ??= now;
  if (now - state.gapSince >= GAP_WAIT_MS) {
    state.cursor = Math.min(...state.seen) - 1;
    state.gapSince = null;
    advanceCursor(now);
  }
}

export async function purgeOldChanges(now = Date.now()) {
  const { count } = await db.cacheChange.deleteMany({ where: { createdAt: { lt: new Date(now - RETAIN_MS) } } });
  return count;
}

type Running = { stop: () => Promise<void>; pollNow: () => void };
const g = globalThis as unknown as { keydeskChangeFeed?: Running };

/**
 * Starts tailing in this process (instrumentation.ts, tests). The cursor starts at the newest row: a
 * new process has nothing cached, so nothing older can be stale for it.
 */
export async function startChangeFeed(opts: { intervalMs?: number } = {}): Promise<Running> {
  if (g.keydeskChangeFeed) return g.keydeskChangeFeed;
  const intervalMs = opts.intervalMs ?? POLL_INTERVAL_MS;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let polling: Promise<unknown> | null = null;
  let again = false;
  let lastPurge = Date.now();
  const closers: (() => Promise<unknown>)[] = [];

  const max = await db.cacheChange.aggregate({ _max: { id: true } });
  state.cursor = max._max.id ?? 0;
  state.seen.clear();
  state.gapSince = null;
  state.lastOkAt = Date.now();
  state.running = true;
  clearCaches();

  const schedule = (ms: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(tick, ms);
    timer.unref();
  };
  function tick() {
    if (polling) {
      again = true;
      return;
    }
    polling = (async () => {
      try {
        await pollChanges();
        if (Date.now() - lastPurge > PURGE_EVERY_MS) {
          lastPurge = Date.now();
          await purgeOldChanges();
        }
      } catch (err) {
        log.warn({ err }, "change feed poll failed; cached entries are trusted for 5 s, then the database is read");
      }
    })().finally(() => {
      polling = null;
      schedule(again ? 0 : intervalMs);
      again = false;
    });
  }
  const pollNow = () => schedule(0);

  if (env.provider === "postgresql") closers.push(listenPostgres(pollNow, () => stopped));
  if (env.redisUrl) closers.push(await listenRedis(pollNow));

  schedule(intervalMs);
  const running: Running = {
    pollNow,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await polling;
      await Promise.all(closers.map((c) => c().catch(() => {})));
      setWakePublisher(undefined);
      state.running = false;
      delete g.keydeskChangeFeed;
    },
  };
  g.keydeskChangeFeed = running;
  return running;
}

export function stopChangeFeed() {
  return g.keydeskChangeFeed?.stop() ?? Promise.resolve();
}

/** LISTEN on a connection of its own, reconnecting after a second when it drops. */
function listenPostgres(wake: () => void, stopped: () => boolean): () => Promise<unknown> {
  let client: pg.Client | null = null;
  const connect = () => {
    if (stopped()) return;
    const c = new pg.Client({ connectionString: env.databaseUrl });
    client = c;
    c.on("notification", wake);
    c.on("error", () => {
      c.end().catch(() => {});
      if (client === c) setTimeout(connect, 1000).unref();
    });
    c.connect()
      .then(() => c.query(`LISTEN ${PG_CHANNEL}`))
      .then(wake) // whatever committed while we were not listening
      .catch(() => {
        c.end().catch(() => {});
        if (client === c) setTimeout(connect, 1000).unref();
      });
  };
  connect();
  return async () => {
    const c = client;
    client = null;
    await c?.end();
  };
}

async function listenRedis(wake: () => void): Promise<() => Promise<unknown>> {
  const { default: Redis } = await import("ioredis");
  const sub = new Redis(env.redisUrl!, { maxRetriesPerRequest: null });
  const pub = new Redis(env.redisUrl!, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  sub.on("error", () => {});
  pub.on("error", () => {});
  sub.on("message", wake);
  sub.on("ready", wake);
  void sub.subscribe(REDIS_CHANNEL).catch(() => {});
  setWakePublisher(() => void pub.publish(REDIS_CHANNEL, "1").catch(() => {}));
  return async () => {
    sub.disconnect();
    pub.disconnect();
  };
}
