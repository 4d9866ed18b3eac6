// The change feed: a row per change in the change's own transaction, tailing (also after a late start
// and across out-of-order commits), purge, and the cache guards that depend on it.
import { afterEach, describe, expect, it } from "vitest";
import { db, createDbClient } from "@/lib/db";
import { env } from "@/lib/env";
import { systemActor } from "@/lib/audit/actor";
import { recordChange } from "@/lib/changes/record-change";
import { pollChanges, purgeOldChanges, startChangeFeed, stopChangeFeed, GAP_WAIT_MS, RETAIN_MS } from "@/lib/changes/change-feed";
import { feedState } from "@/lib/changes/feed-state";
import { deleteKey } from "@/lib/keys/delete-key";
import { dropFromCache, keyCache } from "@/lib/keys/key-cache";
import { hashKey } from "@/lib/keys/key-format";
import { verifyKey } from "@/lib/keys/verify-key";
import { updateOrgSettings } from "@/lib/orgs/update-org-settings";
import { makeKey, makeOrg, rand } from "@/test/factories";

afterEach(async () => {
  await stopChangeFeed();
});

const rowsFor = (ref: string) => db.cacheChange.findMany({ where: { ref } });

describe("recording", () => {
  it("appends a row in the change's transaction, and none when the transaction rolls back", async () => {
    const ref = `key_${rand()}`;
    await expect(
      db.$transaction(async (tx) => {
        await recordChange(tx, "key", ref);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await rowsFor(ref)).toHaveLength(0);
    await db.$transaction((tx) => recordChange(tx, "key", ref));
    expect(await rowsFor(ref)).toEqual([expect.objectContaining({ kind: "key", ref })]);
  });

  it("is written by the services: a deleted key and changed settings each leave a row", async () => {
    const org = await makeOrg();
    const k = await makeKey(org.id);
    await deleteKey(org.id, k.key.id, systemActor());
    expect(await rowsFor(k.key.id)).toEqual([expect.objectContaining({ kind: "key" })]);
    await updateOrgSettings(org.id, { defaultRateLimitPerHour: 77 }, systemActor());
    expect(await rowsFor(org.id)).toEqual([expect.objectContaining({ kind: "org" })]);
    // nothing changed: no row
    await updateOrgSettings(org.id, { defaultRateLimitPerHour: 77 }, systemActor());
    expect(await rowsFor(org.id)).toHaveLength(1);
  });
});

describe("tailing", () => {
  it("drops what another process changed: a key deleted and settings changed there stop here at the next poll", async () => {
    await startChangeFeed({ intervalMs: 60_000 }); // polled by hand below
    const org = await makeOrg();
    const k = await makeKey(org.id);
    expect((await verifyKey(k.secret)).status).toBe("valid"); // cached now
    // "another process": its own client, writing the change and its feed row, telling nobody
    const other = createDbClient(env.databaseUrl);
    try {
      await other.$transaction(async (tx) => {
        await tx.apiKey.update({ where: { id: k.key.id }, data: { deletedAt: new Date() } });
        await recordChange(tx, "key", k.key.id);
      });
      expect((await verifyKey(k.secret)).status).toBe("valid"); // still the cached entry
      expect(await pollChanges()).toBeGreaterThanOrEqual(1);
      expect(await verifyKey(k.secret)).toEqual({ status: "invalid", reason: "deleted" });
    } finally {
      await other.$disconnect();
    }
  });

  it("starts at the newest row (a new process has nothing stale) and catches up on what commits after", async () => {
    await db.$transaction((tx) => recordChange(tx, "org", `org_${rand()}`)); // older than the process
    await startChangeFeed({ intervalMs: 60_000 });
    const start = feedState.cursor;
    const max = await db.cacheChange.aggregate({ _max: { id: true } });
    expect(start).toBe(max._max.id);
    const ref = `org_${rand()}`;
    await db.$transaction((tx) => recordChange(tx, "org", ref));
    expect(await pollChanges()).toBe(1);
    expect(feedState.cursor).toBe(start + 1);
  });

  it("waits below an id that has not committed yet, and gives up on it as a rollback's gap after a while", async () => {
    // polled by hand only (a running feed's own wake-ups would race with the clock moved here)
    const base = (await db.cacheChange.aggregate({ _max: { id: true } }))._max.id ?? 0;
    feedState.seen.clear();
    feedState.gapSince = null;
    // ids far above the sequence, inserted out of order as two racing transactions might commit
    const hi = base + 1_000_002;
    const lo = base + 1_000_001;
    feedState.cursor = base + 1_000_000;
    try {
      await db.cacheChange.create({ data: { id: hi, kind: "org", ref: `o_${rand()}` } });
      const t0 = Date.now();
      expect(await pollChanges(t0)).toBe(1);
      expect(feedState.cursor).toBe(base + 1_000_000); // waits for lo
      expect(await pollChanges(t0 + 10)).toBe(0); // hi is not applied twice
      await db.cacheChange.create({ data: { id: lo, kind: "org", ref: `o_${rand()}` } });
      expect(await pollChanges(t0 + 20)).toBe(1);
      expect(feedState.cursor).toBe(hi);
      // a gap that never fills (rolled back): passed after GAP_WAIT_MS
      await db.cacheChange.create({ data: { id: hi + 2, kind: "org", ref: `o_${rand()}` } });
      expect(await pollChanges(t0 + 30)).toBe(1);
      expect(feedState.cursor).toBe(hi);
      await pollChanges(t0 + 30 + GAP_WAIT_MS);
      expect(feedState.cursor).toBe(hi + 2);
    } finally {
      await db.cacheChange.deleteMany({ where: { id: { gte: lo } } });
      feedState.cursor = base;
    }
  });

  it("purges rows older than an hour", async () => {
    const old = await db.cacheChange.create({ data: { kind: "org", ref: `o_${rand()}`, createdAt: new Date(Date.now() - RETAIN_MS - 60_000) } });
    const young = await db.cacheChange.create({ data: { kind: "org", ref: `o_${rand()}` } });
    expect(await purgeOldChanges()).toBeGreaterThanOrEqual(1);
    expect(await db.cacheChange.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await db.cacheChange.findUnique({ where: { id: young.id } })).not.toBeNull();
  });
});

describe("cache guards", () => {
  it("a read that began before an invalidation does not fill the cache", async () => {
    const hash = hashKey(`kd_${rand(20)}`);
    const epoch = keyCache.epoch();
    dropFromCache.key("some-key"); // a change lands while the read is in flight
    keyCache.set(hash, "miss", epoch);
    expect(keyCache.get(hash)).toBeUndefined();
    keyCache.set(hash, "miss", keyCache.epoch());
    expect(keyCache.get(hash)).toBe("miss");
  });

  it("entries are not trusted while the running feed has not polled successfully for 5 s", async () => {
    await startChangeFeed({ intervalMs: 60_000 });
    const hash = hashKey(`kd_${rand(20)}`);
    keyCache.set(hash, "miss", keyCache.epoch());
    expect(keyCache.get(hash)).toBe("miss");
    feedState.lastOkAt = Date.now() - 6_000;
    expect(keyCache.get(hash)).toBeUndefined();
    await pollChanges();
    expect(keyCache.get(hash)).toBe("miss");
  });
});
