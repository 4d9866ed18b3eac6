// Exactly `limit` successes out of a concurrent burst, in memory and on Redis (a real server).
import Redis from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { consumeRateLimit, createCounter, peekRateLimit } from "@/lib/ratelimit/rate-limiter";
import { rand } from "@/test/factories";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

async function burst(store: ReturnType<typeof createCounter>, limit: number, n: number) {
  const key = `key_${rand()}`;
  const results = await Promise.all(Array.from({ length: n }, () => consumeRateLimit(key, limit, store)));
  return { key, allowed: results.filter((r) => r.allowed).length, results };
}

describe("rate limiter", () => {
  it("in memory: exactly 10 of 50 concurrent requests pass", async () => {
    const store = createCounter(undefined, `t${rand()}`);
    const { allowed, results } = await burst(store, 10, 50);
    expect(allowed).toBe(10);
    expect(results.filter((r) => r.allowed).map((r) => r.remaining).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(results.every((r) => r.resetSeconds > 0 && r.resetSeconds <= 3600)).toBe(true);
  });

  describe("on Redis", () => {
    const probe = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    afterAll(() => probe.disconnect());

    it("exactly 10 of 50 concurrent requests pass, across two instances sharing the server", async () => {
      await probe.connect(); // fails loudly when Redis is down: never a silent skip
      expect(await probe.ping()).toBe("PONG");
      const prefix = `t${rand()}`;
      const a = createCounter(REDIS_URL, prefix);
      const b = createCounter(REDIS_URL, prefix);
      await new Promise((r) => setTimeout(r, 100)); // let both clients connect (offline queue is off)
      const key = `key_${rand()}`;
      const results = await Promise.all(Array.from({ length: 50 }, (_, i) => consumeRateLimit(key, 10, i % 2 ? a : b)));
      expect(results.filter((r) => r.allowed).length).toBe(10);
      expect(await probe.exists(`${prefix}:${key}`)).toBe(1);
      const peek = await peekRateLimit(key, 10, a);
      expect(peek.remaining).toBe(0);
    });
  });
});
