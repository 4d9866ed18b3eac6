// The same route, with REDIS_URL set: the limiter and the cache bus run on the real Redis server.
import { describe, expect, it } from "vitest";

process.env.REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

describe("withApiKey on Redis", () => {
  it("lets exactly `limit` of 50 concurrent requests through, with headers on every answer", async () => {
    const { GET } = await import("@/app/api/v1/me/route");
    const { call } = await import("@/test/http");
    const { makeKey, makeOrg } = await import("@/test/factories");
    const { env } = await import("@/lib/env");
    expect(env.redisUrl).toMatch(/^redis:/);
    const org = await makeOrg();
    const k = await makeKey(org.id, { scopes: ["read"], rateLimitPerHour: 7 });
    await call(GET, "/api/v1/me", { key: "warm-up" }); // connects the Redis client
    await new Promise((r) => setTimeout(r, 200));
    const results = await Promise.all(Array.from({ length: 50 }, () => call(GET, "/api/v1/me", { key: k.secret })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(7);
    const limited = results.filter((r) => r.status === 429);
    expect(limited).toHaveLength(43);
    for (const r of results) expect(r.headers.get("ratelimit-limit")).toBe("7");
    expect(limited.every((r) => Number(r.headers.get("retry-after")) > 0)).toBe(true);
  });
});
