// The approvals API through each of its three ways in, with one actor record for all of them.
import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import * as createRoute from "@/app/api/v2/approvals/CreateApproval/route";
import * as listRoute from "@/app/api/v2/approvals/GetApprovalNotComplete/route";
import * as decideRoute from "@/app/api/v2/approvals/UpdateApprovalStatus/route";
import * as deskTokens from "@/app/api/v2/desk-tokens/route";
import * as deskToken from "@/app/api/v2/desk-tokens/[id]/route";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { call } from "@/test/http";
import { makeKey, makeOrg, rand } from "@/test/factories";

let org: Awaited<ReturnType<typeof makeOrg>>;
let user: { id: string; email: string };
let cookie: string;

async function sessionCookie(userId: string) {
  const token = await encode({ token: { sub: userId }, secret: env.authSecret, salt: "authjs.session-token" });
  return `authjs.session-token=${token}`;
}
const sameOrigin = () => ({ cookie, origin: "http://localhost", host: "localhost" });

beforeAll(async () => {
  org = await makeOrg();
  user = await db.user.create({ data: { email: `agent-${rand()}@example.com`, name: "Agent" } });
  await db.membership.create({ data: { userId: user.id, organizationId: org.id, role: "agent" } });
  cookie = await sessionCookie(user.id);
});

describe("approvals with an API key", () => {
  it("create (201), list pending newest first, decide, 409 on a second decision", async () => {
    const w = (await makeKey(org.id, { scopes: ["write"] })).secret;
    const a = await call(createRoute.POST, "/x", { method: "POST", key: w, body: { title: "Refund #1", requester_email: "c@example.com" } });
    expect(a.status).toBe(201);
    expect(a.body).toEqual({
      id: expect.any(String), title: "Refund #1", description: "", status: "pending", requester_email: "c@example.com",
      decided_by: null, comment: null, created_at: expect.any(String), updated_at: expect.any(String),
    });
    const b = await call(createRoute.POST, "/x", { method: "POST", key: w, body: { title: "Refund #2" } });
    const list = await call(listRoute.GET, "/x", { key: w });
    expect(list.body.data.map((x: { id: string }) => x.id).slice(0, 2)).toEqual([b.body.id, a.body.id]);
    const keyName = (await db.apiKey.findFirstOrThrow({ where: { organizationId: org.id, preset: "write" } })).name;
    const d = await call(decideRoute.POST, "/x", { method: "POST", key: w, body: { id: a.body.id, status: "approved", comment: "ok" } });
    expect(d.status).toBe(200);
    expect(d.body).toMatchObject({ status: "approved", decided_by: keyName, comment: "ok" });
    const again = await call(decideRoute.POST, "/x", { method: "POST", key: w, body: { id: a.body.id, status: "rejected" } });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ type: "/docs/errors#conflict", title: "Conflict", status: 409, code: "conflict", current_status: "approved" });
    expect((await call(listRoute.GET, "/x", { key: w })).body.data.map((x: { id: string }) => x.id)).not.toContain(a.body.id);
  });

  it("needs approvals:read / approvals:write", async () => {
    const k = (await makeKey(org.id, { permissions: ["articles:read"] })).secret;
    expect((await call(listRoute.GET, "/x", { key: k })).body).toMatchObject({ status: 403, required: "approvals:read" });
    const r = (await makeKey(org.id, { scopes: ["read"] })).secret;
    expect((await call(listRoute.GET, "/x", { key: r })).status).toBe(200);
    expect((await call(createRoute.POST, "/x", { method: "POST", key: r, body: { title: "x" } })).body.required).toBe("approvals:write");
  });

  it("another organization's approval is 404, and bad bodies are 400", async () => {
    const other = await makeOrg();
    const theirs = await call(createRoute.POST, "/x", { method: "POST", key: (await makeKey(other.id, { scopes: ["write"] })).secret, body: { title: "theirs" } });
    const w = (await makeKey(org.id, { scopes: ["write"] })).secret;
    expect((await call(decideRoute.POST, "/x", { method: "POST", key: w, body: { id: theirs.body.id, status: "approved" } })).status).toBe(404);
    expect((await db.approval.findUniqueOrThrow({ where: { id: theirs.body.id } })).status).toBe("pending");
    const bad = await call(decideRoute.POST, "/x", { method: "POST", key: w, body: { id: theirs.body.id, status: "maybe" } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe("status");
    expect((await call(createRoute.POST, "/x", { method: "POST", key: w, body: "[" })).status).toBe(400);
  });

  it("absurd pagination is 400 invalid_request, never 500 (issue 11)", async () => {
    const k = (await makeKey(org.id, { scopes: ["read"] })).secret;
    for (const q of ["per_page=1e309", "page=1e30", "page=-1", "per_page=NaN", "page=0x10&per_page=%", "per_page=1.5"]) {
      const r = await call(listRoute.GET, `/x?${q}`, { key: k });
      expect(r.status, q).toBe(400);
      expect(r.body.code).toBe("invalid_request");
    }
    expect((await call(listRoute.GET, "/x?per_page=1e309", { headers: { cookie } })).status).toBe(400);
  });

  it("without any credential: 401 missing_api_key", async () => {
    const r = await call(listRoute.GET, "/x");
    expect(r.status).toBe(401);
    expect(r.body.code).toBe("missing_api_key");
  });
});

describe("approvals with a session", () => {
  it("any member reads, creates and decides; decided_by is the user", async () => {
    const list = await call(listRoute.GET, "/x", { headers: { cookie } });
    expect(list.status).toBe(200);
    const a = await call(createRoute.POST, "/x", { method: "POST", headers: sameOrigin(), body: { title: "From the desk" } });
    expect(a.status).toBe(201);
    const d = await call(decideRoute.POST, "/x", { method: "POST", headers: sameOrigin(), body: { id: a.body.id, status: "rejected" } });
    expect(d.body).toMatchObject({ status: "rejected", decided_by: user.email });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: a.body.id, action: "approval.decided" } });
    expect(audit).toMatchObject({ actorType: "user", actorId: user.id, actorLabel: user.email });
  });

  it("refuses a cross-origin POST with the cookie, and writes nothing", async () => {
    const before = await db.approval.count({ where: { organizationId: org.id } });
    const foreign = await call(createRoute.POST, "/x", { method: "POST", headers: { cookie, origin: "https://evil.example", host: "localhost" }, body: { title: "csrf" } });
    expect(foreign.status).toBe(403);
    expect(foreign.body.code).toBe("forbidden");
    const noOrigin = await call(createRoute.POST, "/x", { method: "POST", headers: { cookie, host: "localhost" }, body: { title: "csrf" } });
    expect(noOrigin.status).toBe(403);
    expect(await db.approval.count({ where: { organizationId: org.id } })).toBe(before);
  });

  it("a forged or foreign-secret cookie is no session", async () => {
    const forged = await encode({ token: { sub: user.id }, secret: "not-our-secret-0123456789abcdefghij", salt: "authjs.session-token" });
    expect((await call(listRoute.GET, "/x", { headers: { cookie: `authjs.session-token=${forged}` } })).status).toBe(401);
  });
});

describe("approvals with a desk token", () => {
  it("mint with the session (shown once), use, revoke", async () => {
    const minted = await call(deskTokens.POST, "/x", { method: "POST", headers: sameOrigin(), body: { name: "script", expires_in_hours: 2 } });
    expect(minted.status).toBe(201);
    expect(minted.body.token).toMatch(/^kdt_/);
    const ms = new Date(minted.body.expires_at).getTime() - Date.now();
    expect(ms).toBeGreaterThan(1.9 * 3600_000);
    const auth = { authorization: `DeskToken ${minted.body.token}` };
    const a = await call(createRoute.POST, "/x", { method: "POST", headers: auth, body: { title: "By script" } });
    expect(a.status).toBe(201);
    const d = await call(decideRoute.POST, "/x", { method: "POST", headers: auth, body: { id: a.body.id, status: "approved" } });
    expect(d.body.decided_by).toBe(user.email);
    // last use is recorded (at most once a minute, off the answer's path)
    await expect.poll(async () => (await db.deskToken.findUniqueOrThrow({ where: { id: minted.body.id } })).lastUsedAt).not.toBeNull();
    const listed = await call(deskTokens.GET, "/x", { headers: { cookie } });
    expect(listed.body.data[0]).not.toHaveProperty("token");
    expect(listed.body.data.find((t: { id: string }) => t.id === minted.body.id).last_used_at).not.toBeNull();
    expect(JSON.stringify(listed.body)).not.toContain(minted.body.token);
    // revoke: the token stops at once
    const rev = await call(deskToken.DELETE, "/x", { method: "DELETE", headers: sameOrigin(), params: { id: minted.body.id } });
    expect(rev.body.revoked_at).not.toBeNull();
    const after = await call(listRoute.GET, "/x", { headers: auth });
    expect(after.status).toBe(401);
    expect(after.body.code).toBe("unauthorized");
  });

  it("expires, and cannot live longer than 24 hours", async () => {
    expect((await call(deskTokens.POST, "/x", { method: "POST", headers: sameOrigin(), body: { expires_in_hours: 25 } })).status).toBe(400);
    const minted = await call(deskTokens.POST, "/x", { method: "POST", headers: sameOrigin(), body: { expires_in_hours: 1 } });
    const auth = { authorization: `DeskToken ${minted.body.token}` };
    expect((await call(listRoute.GET, "/x", { headers: auth })).status).toBe(200);
    await db.deskToken.update({ where: { id: minted.body.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect((await call(listRoute.GET, "/x", { headers: auth })).status).toBe(401);
  });

  it("a malformed session cookie (`%`) is no session: desk token, then key, else 401 (issue 11)", async () => {
    const bad = { cookie: "authjs.session-token=%; keydesk-org=%E0%A4%A" };
    const minted = await call(deskTokens.POST, "/x", { method: "POST", headers: sameOrigin(), body: {} });
    const viaToken = await call(listRoute.GET, "/x", { headers: { ...bad, authorization: `DeskToken ${minted.body.token}` } });
    expect(viaToken.status).toBe(200);
    const k = (await makeKey(org.id, { scopes: ["read"] })).secret;
    expect((await call(listRoute.GET, "/x", { headers: { ...bad, authorization: `Bearer ${k}` } })).status).toBe(200);
    const none = await call(listRoute.GET, "/x", { headers: bad });
    expect(none.status).toBe(401);
    expect(none.body.code).toBe("missing_api_key");
    const desk = await call(deskTokens.GET, "/x", { headers: bad });
    expect(desk.status).toBe(401);
    expect(desk.headers.get("content-type")).toBe("application/problem+json");
  });

  it("cannot mint desk tokens, and keys cannot either", async () => {
    const minted = await call(deskTokens.POST, "/x", { method: "POST", headers: sameOrigin(), body: {} });
    const viaToken = await call(deskTokens.POST, "/x", { method: "POST", headers: { authorization: `DeskToken ${minted.body.token}` }, body: {} });
    expect(viaToken.status).toBe(403);
    const k = (await makeKey(org.id, { scopes: ["admin"] })).secret;
    expect((await call(deskTokens.POST, "/x", { method: "POST", key: k, body: {} })).status).toBe(401);
  });
});
