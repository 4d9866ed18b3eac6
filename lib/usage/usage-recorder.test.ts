// Usage and last-used are counted in memory: nothing reaches the database until a flush.
import { describe, expect, it } from "vitest";
import * as me from "@/app/api/v1/me/route";
import * as articles from "@/app/api/v1/articles/route";
import { db } from "@/lib/db";
import { flushUsage, hourOf, pendingUsage } from "@/lib/usage/usage-recorder";
import { call } from "@/test/http";
import { makeKey, makeOrg } from "@/test/factories";

describe("usage recorder", () => {
  it("counts 2xx, 4xx and 429 per key per hour, and last use per secret, in one batch", async () => {
    await flushUsage();
    const org = await makeOrg();
    const k = await makeKey(org.id, { scopes: ["read"], rateLimitPerHour: 4 });
    const headers = { authorization: `Bearer ${k.secret}`, "x-forwarded-for": "10.0.0.1, 203.0.113.9" };
    await call(me.GET, "/api/v1/me", { headers });
    await call(me.GET, "/api/v1/me", { headers });
    await call(articles.POST, "/api/v1/articles", { method: "POST", headers, body: { title: "x" } }); // 403
    await call(articles.GET, "/api/v1/articles?page=0", { headers }); // 400
    await call(me.GET, "/api/v1/me", { headers }); // 429
    // no write per request: the database has nothing yet
    expect(await db.keyUsage.count({ where: { keyId: k.key.id } })).toBe(0);
    expect((await db.apiKeySecret.findFirstOrThrow({ where: { keyId: k.key.id } })).lastUsedAt).toBeNull();
    expect(pendingUsage().buckets).toBeGreaterThan(0);

    await flushUsage();
    const rows = await db.keyUsage.findMany({ where: { keyId: k.key.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ success: 2, clientError: 2, rateLimited: 1, serverError: 0, organizationId: org.id });
    expect(rows[0]!.hour.getTime()).toBe(hourOf(new Date()).getTime());
    const secret = await db.apiKeySecret.findFirstOrThrow({ where: { keyId: k.key.id } });
    expect(secret.lastUsedIp).toBe("203.0.113.9");
    expect(secret.lastUsedAt).not.toBeNull();
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: k.key.id } })).lastUsedAt).not.toBeNull();
    expect(pendingUsage()).toEqual({ buckets: 0, secrets: 0, keys: 0 });

    // a second batch adds to the same hour's row
    await call(me.GET, "/api/v1/me", { headers });
    await flushUsage();
    expect((await db.keyUsage.findFirstOrThrow({ where: { keyId: k.key.id } })).rateLimited).toBe(2);
  });
});
