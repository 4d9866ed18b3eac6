// NUL (U+0000) in a body, a query or a path id: PostgreSQL refuses it in text, which was a 500.
// A body or query holding it is 400 invalid_request; a path id holding it names nothing (404); and
// whatever else reaches the database with it (a form field of a server action) is stored as U+FFFD.
import { describe, expect, it } from "vitest";
import * as articles from "@/app/api/v1/articles/route";
import * as article from "@/app/api/v1/articles/[id]/route";
import * as keys from "@/app/api/v1/keys/route";
import * as key from "@/app/api/v1/keys/[id]/route";
import * as createApproval from "@/app/api/v2/approvals/CreateApproval/route";
import { db } from "@/lib/db";
import { call } from "@/test/http";
import { makeKey, makeOrg } from "@/test/factories";

describe("NUL in input (issue 11 fuzz finding)", () => {
  it("is 400 in a body or query, 404 in a path id, and nothing is written", async () => {
    const org = await makeOrg();
    const admin = (await makeKey(org.id, { scopes: ["admin"] })).secret;
    for (const body of [{ title: "a\u0000b", body: "x" }, { title: "ok", body: "x", "k\u0000": 1 }]) {
      const r = await call(articles.POST, "/api/v1/articles", { method: "POST", key: admin, body });
      expect(r.status).toBe(400);
      expect(r.headers.get("content-type")).toBe("application/problem+json");
      expect(r.body.code).toBe("invalid_request");
    }
    const approval = await call(createApproval.POST, "/x", { method: "POST", key: admin, body: { title: "\u0000" } });
    expect(approval.status).toBe(400);
    expect(approval.body.errors).toEqual([{ path: "title", message: expect.stringContaining("NUL") }]);
    const q = await call(keys.GET, "/api/v1/keys?query=%00", { key: admin });
    expect(q.status).toBe(400);
    expect(q.body.errors[0].path).toBe("query");
    for (const [handler, method] of [[article.GET, "GET"], [article.DELETE, "DELETE"], [key.GET, "GET"], [key.PATCH, "PATCH"]] as const) {
      const r = await call(handler, "/x", { method, key: admin, params: { id: "\u0000" }, body: method === "PATCH" ? { name: "x" } : undefined });
      expect(r.status, method).toBe(404);
      expect(r.body.code).toBe("not_found");
    }
    expect(await db.article.count({ where: { organizationId: org.id } })).toBe(0);
    expect(await db.approval.count({ where: { organizationId: org.id } })).toBe(0);
  });

  it("never reaches PostgreSQL as NUL: lookups find nothing, text and JSON are stored with U+FFFD", async () => {
    const org = await makeOrg();
    expect(await db.apiKey.findFirst({ where: { id: "\u0000", organizationId: org.id } })).toBeNull();
    expect(await db.apiKey.findMany({ where: { id: { in: ["a\u0000", "b"] } } })).toEqual([]);
    const a = await db.approval.create({ data: { organizationId: org.id, title: "a\u0000b", createdByType: "system", createdByLabel: "t" } });
    const e = await db.auditEvent.create({ data: { organizationId: org.id, action: "test", actorType: "system", actorLabel: "t", targetType: "t", targetId: "x", metadata: { note: "n\u0000l" } } });
    // PostgreSQL stores U+FFFD; SQLite keeps NUL as it is
    expect(["a\uFFFDb", "a\u0000b"]).toContain((await db.approval.findUniqueOrThrow({ where: { id: a.id } })).title);
    const meta = (await db.auditEvent.findUniqueOrThrow({ where: { id: e.id } })).metadata as { note: string };
    expect(["n\uFFFDl", "n\u0000l"]).toContain(meta.note);
    await expect(db.$transaction((tx) => tx.partner.findFirst({ where: { id: "\u0000" } }))).resolves.toBeNull();
  });
});
