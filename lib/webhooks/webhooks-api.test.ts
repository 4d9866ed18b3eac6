// The webhooks API: CRUD with the secret shown once, permissions, another organization's ids 404,
// test events, the delivery log with attempts, resend and secret rotation; every change audited.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as articles from "@/app/api/v1/articles/route";
import * as list from "@/app/api/v1/webhooks/route";
import * as one from "@/app/api/v1/webhooks/[id]/route";
import * as test from "@/app/api/v1/webhooks/[id]/test/route";
import * as rotate from "@/app/api/v1/webhooks/[id]/rotate-secret/route";
import * as deliveries from "@/app/api/v1/webhooks/[id]/deliveries/route";
import * as resend from "@/app/api/v1/webhooks/[id]/deliveries/[deliveryId]/resend/route";
import { db } from "@/lib/db";
import { startReceiver, testClock, verifyAt } from "@/lib/webhooks/test-receiver";
import { runDueDeliveries } from "@/lib/webhooks/run-due-deliveries";
import { makeKey, makeOrg, rand } from "@/test/factories";
import { call } from "@/test/http";

let rx: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  rx = await startReceiver();
});
afterAll(() => rx.close());
// Queued test events of one test must not take the receiver's scripted answers in the next.
afterEach(() => db.webhookDelivery.updateMany({ where: { status: "pending" }, data: { status: "failed" } }));

async function setup() {
  const org = await makeOrg();
  const admin = (await makeKey(org.id, { scopes: ["admin"] })).secret;
  return { org, admin };
}

describe("webhooks API", () => {
  it("create (201, secret once), list, get, update, pause, delete (204); audited", async () => {
    const { org, admin } = await setup();
    const url = rx.url(`/crud/${rand()}`);
    const created = await call(list.POST, "/api/v1/webhooks", { method: "POST", key: admin, body: { url, description: "CRM", events: ["article.published", "approval.decided"] } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ url, description: "CRM", events: ["article.published", "approval.decided"], enabled: true, partner_id: null, paused_reason: null });
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    const id = created.body.id;
    const listed = await call(list.GET, "/api/v1/webhooks", { key: admin });
    expect(listed.body).toMatchObject({ page: 1, per_page: 25, total: 1 });
    expect(listed.body.data[0]).toEqual({ ...created.body, secret: undefined });
    expect(listed.text).not.toContain(created.body.secret);
    expect(listed.text).not.toMatch(/ciphertext/i);
    const got = await call(one.GET, "/x", { key: admin, params: { id } });
    expect(got.body.id).toBe(id);
    expect(got.text).not.toContain(created.body.secret);

    const patched = await call(one.PATCH, "/x", { method: "PATCH", key: admin, params: { id }, body: { events: ["key.created"], description: "keys" } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ events: ["key.created"], description: "keys" });
    const paused = await call(one.PATCH, "/x", { method: "PATCH", key: admin, params: { id }, body: { enabled: false } });
    expect(paused.body).toMatchObject({ enabled: false, paused_reason: "Paused by hand" });
    const resumed = await call(one.PATCH, "/x", { method: "PATCH", key: admin, params: { id }, body: { enabled: true } });
    expect(resumed.body).toMatchObject({ enabled: true, paused_reason: null });

    expect((await call(one.DELETE, "/x", { method: "DELETE", key: admin, params: { id } })).status).toBe(204);
    expect((await call(one.GET, "/x", { key: admin, params: { id } })).status).toBe(404);
    const actions = (await db.auditEvent.findMany({ where: { organizationId: org.id, targetType: "webhook" }, orderBy: { createdAt: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["webhook.created", "webhook.updated", "webhook.updated", "webhook.updated", "webhook.deleted"]);
  });

  it.each([
    [{ url: "http://hooks.example.com/x", events: ["article.created"] }, "url"],
    [{ url: "https://10.0.0.1/x", events: ["article.created"] }, "url"],
    [{ url: "https://169.254.169.254/latest", events: ["article.created"] }, "url"],
    [{ url: "not a url", events: ["article.created"] }, "url"],
    [{ url: "https://hooks.example.com/x", events: [] }, "events"],
    [{ url: "https://hooks.example.com/x", events: ["article.exploded"] }, "events.0"],
    [{ url: "https://hooks.example.com/x", events: ["article.created"], secret: "mine" }, "(root)"],
    [{ url: "https://hooks.example.com/x", events: ["article.created"], partner_id: "nope" }, "partner_id"],
  ])("refuses %j with 400 at %s", async (body, path) => {
    const { org, admin } = await setup();
    const r = await call(list.POST, "/api/v1/webhooks", { method: "POST", key: admin, body });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: "invalid_request", type: "/docs/errors#invalid_request" });
    expect(r.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await db.webhookEndpoint.count({ where: { organizationId: org.id } })).toBe(0);
  });

  it("needs webhooks:read to look and webhooks:write to change", async () => {
    const { org, admin } = await setup();
    const id = (await call(list.POST, "/api/v1/webhooks", { method: "POST", key: admin, body: { url: rx.url("/perm"), events: ["key.created"] } })).body.id;
    const reader = (await makeKey(org.id, { permissions: ["webhooks:read"] })).secret;
    const none = (await makeKey(org.id, { scopes: ["write"] })).secret;
    expect((await call(list.GET, "/api/v1/webhooks", { key: reader })).status).toBe(200);
    expect((await call(deliveries.GET, "/x", { key: reader, params: { id } })).status).toBe(200);
    const denied = await call(list.GET, "/api/v1/webhooks", { key: none });
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({ code: "insufficient_permissions", required: "webhooks:read" });
    for (const [handler, method] of [[list.POST, "POST"], [one.PATCH, "PATCH"], [one.DELETE, "DELETE"], [test.POST, "POST"], [rotate.POST, "POST"]] as const) {
      const r = await call(handler, "/x", { method, key: reader, params: { id }, body: method === "DELETE" ? undefined : { url: rx.url("/x"), events: ["key.created"] } });
      expect(r.status, `${method}`).toBe(403);
      expect(r.body.required).toBe("webhooks:write");
    }
    expect((await call(list.GET, "/api/v1/webhooks", {})).status).toBe(401);
  });

  it("another organization's endpoint and delivery ids are 404 on every route", async () => {
    const a = await setup();
    const b = await setup();
    const id = (await call(list.POST, "/api/v1/webhooks", { method: "POST", key: a.admin, body: { url: rx.url("/tenant"), events: ["key.created"] } })).body.id;
    const queued = await call(test.POST, "/x", { method: "POST", key: a.admin, params: { id } });
    expect(queued.status).toBe(200);
    const deliveryId = queued.body.id;
    const params = { id, deliveryId };
    for (const [handler, method] of [
      [one.GET, "GET"], [one.PATCH, "PATCH"], [one.DELETE, "DELETE"], [test.POST, "POST"], [rotate.POST, "POST"], [deliveries.GET, "GET"], [resend.POST, "POST"],
    ] as const) {
      const r = await call(handler, "/x", { method, key: b.admin, params, body: method === "PATCH" ? { description: "pwned" } : undefined });
      expect(r.status, `${method} ${handler === resend.POST ? "resend" : ""}`).toBe(404);
      expect(r.body.code).toBe("not_found");
    }
    expect((await call(list.GET, "/api/v1/webhooks", { key: b.admin })).body.total).toBe(0);
    // and a delivery of one endpoint cannot be resent through another endpoint of the same organization
    const other = (await call(list.POST, "/api/v1/webhooks", { method: "POST", key: a.admin, body: { url: rx.url("/tenant2"), events: ["key.created"] } })).body.id;
    expect((await call(resend.POST, "/x", { method: "POST", key: a.admin, params: { id: other, deliveryId } })).status).toBe(404);
    const ep = await db.webhookEndpoint.findUniqueOrThrow({ where: { id } });
    expect(ep.description).toBe("");
  });

  it("test event, delivery log with attempts, resend, and rotate-secret", async () => {
    const { org, admin } = await setup();
    const path = `/flow/${rand()}`;
    const created = (await call(list.POST, "/api/v1/webhooks", { method: "POST", key: admin, body: { url: rx.url(path), events: ["article.published"] } })).body;
    const id = created.id;
    rx.reply({ status: 500, body: "not yet" });
    // sent at once, once: the answer is the outcome
    const sent = await call(test.POST, "/x", { method: "POST", key: admin, params: { id } });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ event_type: "webhook.test", status: "failed", attempts: 1, next_attempt_at: null });
    expect(sent.body.attempt_log).toHaveLength(1);
    expect(sent.body.attempt_log[0]).toMatchObject({ status_code: 500, response_excerpt: "not yet", error: null });
    expect(typeof sent.body.attempt_log[0].duration_ms).toBe("number");
    // a failed test event is not retried like a real one, and does not mark the endpoint failing
    const clock = testClock();
    await runDueDeliveries({ now: clock.advance(15_000) });
    expect(rx.received.filter((r) => r.path === path)).toHaveLength(1);
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id } })).failingSince).toBeNull();

    const ok = await call(test.POST, "/x", { method: "POST", key: admin, params: { id } });
    expect(ok.body).toMatchObject({ status: "succeeded", attempts: 1 });
    expect(ok.body.attempt_log[0]).toMatchObject({ status_code: 200 });
    const got = rx.received.filter((r) => r.path === path);
    expect(got).toHaveLength(2);
    expect(verifyAt(created.secret, got[1], new Date())).toMatchObject({ type: "webhook.test", organization: { id: org.id } });

    const log = await call(deliveries.GET, "/x", { key: admin, params: { id } });
    expect(log.body.total).toBe(2);
    const d = log.body.data.find((x: { id: string }) => x.id === sent.body.id);
    expect(d).toMatchObject({ event_type: "webhook.test", status: "failed", attempts: 1 });
    expect(d.attempt_log.map((a: { status_code: number }) => a.status_code)).toEqual([500]);
    expect((await call(deliveries.GET, `/x?status=failed`, { key: admin, params: { id } })).body.total).toBe(1);
    expect((await call(deliveries.GET, `/x?status=nope`, { key: admin, params: { id } })).status).toBe(400);

    const again = await call(resend.POST, "/x", { method: "POST", key: admin, params: { id, deliveryId: d.id } });
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ status: "pending", attempts: 0 });
    expect(again.body.attempt_log).toHaveLength(1);
    await runDueDeliveries({ now: clock.advance(1000) });
    const all = rx.received.filter((r) => r.path === path);
    expect(all).toHaveLength(3);
    expect(all[2]!.headers["webhook-id"]).toBe(all[0]!.headers["webhook-id"]);

    const rotated = await call(rotate.POST, "/x", { method: "POST", key: admin, params: { id } });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(created.secret);
    expect(rotated.body.previous_secret_expires_at).not.toBeNull();

    // a paused endpoint cannot be tested
    await call(one.PATCH, "/x", { method: "PATCH", key: admin, params: { id }, body: { enabled: false } });
    const conflict = await call(test.POST, "/x", { method: "POST", key: admin, params: { id } });
    expect(conflict.status).toBe(409);
    const actions = (await db.auditEvent.findMany({ where: { organizationId: org.id, targetType: "webhook" }, orderBy: { createdAt: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["webhook.created", "webhook.test_sent", "webhook.test_sent", "webhook.delivery_resent", "webhook.secret_rotated", "webhook.updated"]);
  });

  it("a partner's key sees and creates only its partner's endpoints", async () => {
    const { org, admin } = await setup();
    const partner = await db.partner.create({ data: { organizationId: org.id, name: "P", email: `p-${rand()}@example.com`, level: "read" } });
    const partnerKey = await db.$transaction(async (tx) => {
      const { insertKey } = await import("@/lib/keys/create-key");
      return insertKey(tx, org, { permissions: ["webhooks:write"], partnerId: partner.id }, { type: "system", id: null, label: "test" });
    });
    const orgEndpoint = (await call(list.POST, "/api/v1/webhooks", { method: "POST", key: admin, body: { url: rx.url("/org"), events: ["key.created"] } })).body.id;
    const mine = await call(list.POST, "/api/v1/webhooks", { method: "POST", key: partnerKey.secret!, body: { url: rx.url("/partner"), events: ["key.created"] } });
    expect(mine.status).toBe(201);
    expect(mine.body.partner_id).toBe(partner.id);
    const seen = await call(list.GET, "/api/v1/webhooks", { key: partnerKey.secret! });
    expect(seen.body.data.map((e: { id: string }) => e.id)).toEqual([mine.body.id]);
    expect((await call(one.GET, "/x", { key: partnerKey.secret!, params: { id: orgEndpoint } })).status).toBe(404);
  });
});

describe("webhooks never leak past the key's permissions (issue 11)", () => {
  it("a key subscribes an endpoint only to event families it could read, on create and on any update", async () => {
    const { org, admin } = await setup();
    const hooker = (await makeKey(org.id, { permissions: ["webhooks:write", "articles:read"] })).secret;
    const refused = await call(list.POST, "/api/v1/webhooks", { method: "POST", key: hooker, body: { url: rx.url("/leak"), events: ["article.published", "key.created", "approval.decided"] } });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: "insufficient_permissions", required: "keys:read" });
    expect(refused.body.detail).toContain("key.created, approval.decided");
    expect(refused.body.detail).toContain("keys:read, approvals:read");
    expect(await db.webhookEndpoint.count({ where: { organizationId: org.id } })).toBe(0);
    const ok = await call(list.POST, "/api/v1/webhooks", { method: "POST", key: hooker, body: { url: rx.url("/ok"), events: ["article.published"] } });
    expect(ok.status).toBe(201);
    expect((await call(one.PATCH, "/x", { method: "PATCH", key: hooker, params: { id: ok.body.id }, body: { events: ["key.rotated"] } })).status).toBe(403);
    // an endpoint the dashboard subscribed to key events cannot be pointed elsewhere by this key
    const keysHook = (await call(list.POST, "/api/v1/webhooks", { method: "POST", key: admin, body: { url: rx.url("/keys"), events: ["key.created"] } })).body;
    const moved = await call(one.PATCH, "/x", { method: "PATCH", key: hooker, params: { id: keysHook.id }, body: { url: rx.url("/mine") } });
    expect(moved.status).toBe(403);
    expect(moved.body.required).toBe("keys:read");
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: keysHook.id } })).url).toBe(keysHook.url);
    expect((await call(one.PATCH, "/x", { method: "PATCH", key: hooker, params: { id: keysHook.id }, body: { url: rx.url("/mine"), events: ["article.created"] } })).status).toBe(200);
  });

  it("the delivery log shows a payload only to keys that may read the event's family", async () => {
    const { org, admin } = await setup();
    const id = (await call(list.POST, "/api/v1/webhooks", { method: "POST", key: admin, body: { url: rx.url("/log"), events: ["article.created", "key.created"] } })).body.id;
    await call(articles.POST, "/api/v1/articles", { method: "POST", key: admin, body: { title: "Internal plan", body: "secret roadmap", visibility: "internal", published: false } });
    await makeKey(org.id, { scopes: ["read"], name: "new key" });
    const byType = async (key: string) => {
      const r = await call(deliveries.GET, "/x", { key, params: { id } });
      expect(r.status).toBe(200);
      return Object.fromEntries(r.body.data.map((d: { event_type: string; payload: unknown; payload_redacted: string | null }) => [d.event_type, d]));
    };
    const reader = await byType((await makeKey(org.id, { permissions: ["webhooks:read"] })).secret);
    expect(reader["article.created"]).toMatchObject({ payload: null, payload_redacted: "articles:read" });
    expect(reader["key.created"]).toMatchObject({ payload: null, payload_redacted: "keys:read" });
    expect(JSON.stringify(reader)).not.toContain("secret roadmap");
    const articleReader = await byType((await makeKey(org.id, { permissions: ["webhooks:read", "articles:read"] })).secret);
    expect(articleReader["article.created"]).toMatchObject({ payload_redacted: null, payload: { data: { title: "Internal plan" } } });
    expect(articleReader["key.created"]).toMatchObject({ payload: null, payload_redacted: "keys:read" });
    const all = await byType(admin);
    expect(all["key.created"]).toMatchObject({ payload_redacted: null, payload: { type: "key.created" } });
  });
});
