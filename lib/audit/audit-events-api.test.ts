// GET /api/v1/audit-events on both databases: filters, permission, cursor stability while events keep
// arriving, and an NDJSON stream of 100,000 events read as it comes.
import { describe, expect, it } from "vitest";
import * as audit from "@/app/api/v1/audit-events/route";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { systemActor } from "@/lib/audit/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { rotateKey } from "@/lib/keys/rotate-key";
import { call } from "@/test/http";
import { makeKey, makeOrg } from "@/test/factories";

/** n events 1 s apart, metadata {n}, in one statement (through Prisma one by one would dominate the test). */
async function insertEvents(organizationId: string, n: number, start = Date.now() - n * 1000) {
  const prefix = `bulk_${organizationId.slice(-8)}_`;
  if (env.provider === "postgresql") {
    await db.$executeRawUnsafe(
      `INSERT INTO "AuditEvent" ("id", "organizationId", "actorType", "actorLabel", "action", "targetType", "metadata", "createdAt")
       SELECT $1 || n, $2, 'system', 'bulk', 'bulk.event', 'none', jsonb_build_object('n', n), to_timestamp(($3::bigint + n * 1000) / 1000.0)
       FROM generate_series(0, $4::int - 1) AS n`,
      prefix, organizationId, start, n,
    );
  } else {
    await db.$executeRawUnsafe(
      `WITH RECURSIVE s(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM s WHERE n < ? - 1)
       INSERT INTO "AuditEvent" ("id", "organizationId", "actorType", "actorLabel", "action", "targetType", "metadata", "createdAt")
       SELECT ? || n, ?, 'system', 'bulk', 'bulk.event', 'none', json_object('n', n), ? + n * 1000 FROM s`,
      n, prefix, organizationId, start,
    );
  }
}

describe("GET /api/v1/audit-events", () => {
  it("needs audit:read (in the admin preset); another organization's events are never shown", async () => {
    const org = await makeOrg();
    const other = await makeOrg();
    const read = (await makeKey(org.id, { scopes: ["read"] })).secret;
    const admin = (await makeKey(org.id, { scopes: ["admin"] })).secret;
    const auditor = (await makeKey(org.id, { permissions: ["audit:read"] })).secret;
    await makeKey(other.id, { scopes: ["read"] });
    const denied = await call(audit.GET, "/api/v1/audit-events", { key: read });
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({ code: "insufficient_permissions", required: "audit:read" });
    for (const key of [admin, auditor]) {
      const r = await call(audit.GET, "/api/v1/audit-events", { key });
      expect(r.status).toBe(200);
      expect(r.body.data.length).toBeGreaterThan(0);
      expect(r.body.data.every((e: { actor: unknown }) => e.actor)).toBe(true);
    }
    const all = (await call(audit.GET, "/api/v1/audit-events?limit=500", { key: admin })).body.data as { target: { id: string } }[];
    const otherKeys = await db.apiKey.findMany({ where: { organizationId: other.id }, select: { id: true } });
    expect(all.some((e) => otherKeys.some((k) => k.id === e.target.id))).toBe(false);
  });

  it("filters by action, actor, key and time, shaped for SIEMs and never with a secret", async () => {
    const org = await makeOrg();
    const admin = await makeKey(org.id, { scopes: ["admin"] });
    const k = await makeKey(org.id, { scopes: ["read"] });
    const rotated = await rotateKey(org.id, k.key.id, undefined, { type: "user", id: "u_1", label: "Ada Admin", ip: "203.0.113.9", userAgent: "browser" });
    const q = (s: string) => call(audit.GET, `/api/v1/audit-events?${s}`, { key: admin.secret });
    const byAction = await q("action=key.rotated");
    expect(byAction.body.data).toEqual([
      {
        id: expect.any(String), action: "key.rotated", actor: { type: "user", id: "u_1", label: "Ada Admin" }, target: { type: "key", id: k.key.id },
        ip: "203.0.113.9", user_agent: "browser", metadata: expect.any(Object), created_at: expect.any(String),
      },
    ]);
    expect(JSON.stringify(byAction.body)).not.toContain(rotated.secret);
    expect(JSON.stringify((await q("limit=500")).body)).not.toMatch(/kd_[0-9A-Za-z]{38}/);
    expect((await q("actor=ada")).body.data.map((e: { action: string }) => e.action)).toEqual(["key.rotated"]);
    expect((await q("actor=u_1")).body.data).toHaveLength(1);
    expect((await q(`key_id=${k.key.id}`)).body.data.map((e: { action: string }) => e.action).sort()).toEqual(["key.created", "key.rotated"]);
    const future = new Date(Date.now() + 60_000).toISOString();
    expect((await q(`since=${encodeURIComponent(future)}`)).body.data).toEqual([]);
    expect((await q(`until=${encodeURIComponent(future)}&action=key.rotated`)).body.data).toHaveLength(1);
    for (const bad of ["limit=501", "limit=0", "order=up", "since=2024-13-45", "cursor=garbage"]) {
      const r = await q(bad);
      expect(r.status, bad).toBe(400);
      expect(r.body.code).toBe("invalid_request");
    }
  });

  it("pages by cursor without duplicates or gaps while new events keep arriving, in either order", async () => {
    const org = await makeOrg();
    const admin = (await makeKey(org.id, { scopes: ["admin"] })).secret;
    await insertEvents(org.id, 250);
    for (const order of ["desc", "asc"] as const) {
      const before = await db.auditEvent.findMany({ where: { organizationId: org.id }, select: { id: true } });
      const seen: string[] = [];
      let cursor: string | null = null;
      let n = 0;
      do {
        const r: { body: { data: { id: string }[]; next_cursor: string | null } } = await call(audit.GET, `/api/v1/audit-events?limit=40&order=${order}${cursor ? `&cursor=${cursor}` : ""}`, { key: admin });
        seen.push(...r.body.data.map((e) => e.id));
        cursor = r.body.next_cursor;
        // meanwhile, the organization keeps working
        await db.$transaction((tx) => recordAuditEvent(tx, { organizationId: org.id, actor: systemActor("test"), action: "org.settings_updated", targetType: "none", metadata: { n: n++ } }));
      } while (cursor);
      expect(new Set(seen).size).toBe(seen.length);
      for (const e of before) expect(seen).toContain(e.id);
    }
  });

  it("streams 100,000 events as NDJSON, read as they come", async () => {
    const org = await makeOrg();
    const admin = (await makeKey(org.id, { scopes: ["admin"] })).secret;
    await insertEvents(org.id, 100_000);
    const req = new Request("http://localhost/api/v1/audit-events?action=bulk.event&order=asc", { headers: { authorization: `Bearer ${admin}`, accept: "application/x-ndjson" } });
    const res = await audit.GET(req, { params: Promise.resolve({}) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/x-ndjson");
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let lines = 0;
    let rest = "";
    let first: { action: string; metadata: { n: number } } | null = null;
    let last = -1;
    let ordered = true;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const parts = (rest + decoder.decode(value, { stream: true })).split("\n");
      rest = parts.pop()!;
      for (const line of parts) {
        const e = JSON.parse(line);
        first ??= e;
        if (e.metadata.n <= last) ordered = false;
        last = e.metadata.n;
        lines++;
      }
    }
    expect(rest).toBe("");
    expect(lines).toBe(100_000);
    expect(ordered).toBe(true);
    expect(first).toMatchObject({ action: "bulk.event", metadata: { n: 0 } });
  }, 120_000);
});
