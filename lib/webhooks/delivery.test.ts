// Delivery end to end, on both databases: services record events in their transactions, the worker
// sends them to a receiver on 127.0.0.1 that verifies with the standardwebhooks library. Time is a
// test clock handed to the worker; nothing sleeps through a backoff.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { systemActor } from "@/lib/audit/actor";
import { createArticle } from "@/lib/kb/create-article";
import { updateArticle } from "@/lib/kb/update-article";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import type { WebhookEventType } from "@/lib/webhooks/event-types";
import { recordWebhookEvent } from "@/lib/webhooks/events";
import { rotateWebhookSecret } from "@/lib/webhooks/rotate-webhook-secret";
import { startReceiver, testClock, verifyAt } from "@/lib/webhooks/test-receiver";
import { updateWebhook } from "@/lib/webhooks/update-webhook";
import { nudgeWebhookWorker } from "@/lib/webhooks/worker-signal";
import { revealKey } from "@/lib/keys/reveal-key";
import { rotateKey } from "@/lib/keys/rotate-key";
import { deleteKey, restoreKey } from "@/lib/keys/delete-key";
import { createApproval } from "@/lib/approvals/create-approval";
import { decideApproval } from "@/lib/approvals/decide-approval";
import { DELIVERY_TIMEOUT_MS } from "@/lib/webhooks/post-webhook";
import { BACKOFF_MS, MAX_ATTEMPTS } from "@/lib/webhooks/attempt-delivery";
import { checkExpiringKeys } from "@/lib/webhooks/check-expiring-keys";
import { purgeWebhookEvents } from "@/lib/webhooks/purge-webhook-events";
import { createDeliveryRunner, runDueDeliveries } from "@/lib/webhooks/run-due-deliveries";
import { startWebhookWorker } from "@/lib/webhooks/webhook-worker";
import { makeKey, makeOrg, rand } from "@/test/factories";
import { startSmtp } from "@/test/smtp";
import { resetMailTransport } from "@/lib/mail/send-mail";

const actor = systemActor("test");
const HOUR = 3600e3;
let rx: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  rx = await startReceiver();
  // other files (the fuzz and matrix stages) leave deliveries to unreachable endpoints pending in the
  // shared test database: this file's passes must start from a clean queue
  await db.webhookDelivery.updateMany({ where: { status: "pending" }, data: { status: "failed" } });
});
afterAll(() => rx.close());
afterEach(async () => {
  rx.received.length = 0;
  rx.always({ status: 200, body: "ok" });
  // Leave nothing pending for the next test's passes.
  await db.webhookDelivery.updateMany({ where: { status: "pending" }, data: { status: "failed" } });
});

async function endpoint(orgId: string, events: WebhookEventType[], over: { partnerId?: string } = {}) {
  return createWebhook(orgId, { url: rx.url(`/hook/${rand()}`), events, ...over }, actor);
}
const forPath = (path: string) => rx.received.filter((r) => r.path === path);
const pathOf = (url: string) => new URL(url).pathname;

describe("webhook delivery", () => {
  it("publishing an article delivers article.published exactly once, with a valid Standard Webhooks signature", async () => {
    const org = await makeOrg();
    const { webhook, secret } = await endpoint(org.id, ["article.published"]);
    expect(secret).toMatch(/^whsec_/);
    const a = await createArticle(org.id, { title: "Draft", body: "b", visibility: "external", published: false }, actor);
    await updateArticle(org.id, a.id, { published: true }, actor);
    await updateArticle(org.id, a.id, { title: "Edited after publishing" }, actor); // not a second publication
    const clock = testClock();
    const sentAt = clock.now();
    await runDueDeliveries({ now: sentAt });
    await runDueDeliveries({ now: clock.advance(HOUR) });
    const got = forPath(pathOf(webhook.url));
    expect(got).toHaveLength(1);
    const payload = verifyAt(secret, got[0], sentAt) as { id: string; type: string; organization: object; data: { id: string; published: boolean } };
    expect(payload).toMatchObject({ type: "article.published", organization: { id: org.id, slug: org.slug, name: org.name }, data: { id: a.id, published: true } });
    expect(got[0].headers["webhook-id"]).toBe(payload.id);
    expect(() => verifyAt("whsec_" + Buffer.alloc(24, 1).toString("base64"), got[0], sentAt)).toThrow(/signature/i);
    expect(() => verifyAt(secret, got[0], clock.now())).toThrow(/too old/); // the timestamp is signed too
    const d = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: webhook.id }, include: { attemptLog: true } });
    expect(d).toMatchObject({ status: "succeeded", attempts: 1 });
    expect(d.attemptLog).toHaveLength(1);
    expect(d.attemptLog[0]).toMatchObject({ statusCode: 200, responseExcerpt: "ok", error: null });
  });

  it("a receiver that fails twice gets the event on the third attempt, as the clock moves through the backoff", async () => {
    const org = await makeOrg();
    const { webhook, secret } = await endpoint(org.id, ["category.created"]);
    const path = pathOf(webhook.url);
    rx.reply({ status: 500, body: "boom" }, { status: 503 });
    await db.$transaction((tx) => recordWebhookEvent(tx, { organizationId: org.id, type: "category.created", data: { id: "c1" } }));
    const clock = testClock();
    await runDueDeliveries({ now: clock.now });
    expect(forPath(path)).toHaveLength(1);
    await runDueDeliveries({ now: clock.advance(1000) }); // still backing off
    expect(forPath(path)).toHaveLength(1);
    await runDueDeliveries({ now: clock.advance(BACKOFF_MS[0] * 1.2) });
    expect(forPath(path)).toHaveLength(2);
    await runDueDeliveries({ now: clock.advance(BACKOFF_MS[1] * 1.2) });
    const got = forPath(path);
    expect(got).toHaveLength(3);
    expect(new Set(got.map((r) => r.headers["webhook-id"])).size).toBe(1); // the same message id on every retry
    expect(verifyAt(secret, got[2], clock.now())).toMatchObject({ type: "category.created" });
    const d = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: webhook.id }, include: { attemptLog: { orderBy: { at: "asc" } } } });
    expect(d).toMatchObject({ status: "succeeded", attempts: 3 });
    expect(d.attemptLog.map((x) => x.statusCode)).toEqual([500, 503, 200]);
    expect(d.attemptLog[0].responseExcerpt).toBe("boom");
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: webhook.id } })).failingSince).toBeNull();
  });

  it("a restarted worker (a new instance, nothing in memory) resumes mid-backoff, and a claim left by a crash expires", async () => {
    const org = await makeOrg();
    const { webhook } = await endpoint(org.id, ["category.created", "category.deleted"]);
    const path = pathOf(webhook.url);
    rx.reply({ status: 500 });
    await db.$transaction((tx) => recordWebhookEvent(tx, { organizationId: org.id, type: "category.created", data: { id: "c1" } }));
    const clock = testClock();
    await createDeliveryRunner({ now: clock.now }).runDueDeliveries();
    expect(forPath(path)).toHaveLength(1);
    const restarted = createDeliveryRunner({ now: clock.now });
    await restarted.runDueDeliveries();
    expect(forPath(path)).toHaveLength(1); // the schedule survived in the database
    clock.advance(BACKOFF_MS[0] * 1.2);
    await restarted.runDueDeliveries();
    expect(forPath(path)).toHaveLength(2);
    expect(await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: webhook.id } })).toMatchObject({ status: "succeeded", attempts: 2 });

    // A process that claimed a delivery and died: the lease runs out and another process sends it.
    await db.$transaction((tx) => recordWebhookEvent(tx, { organizationId: org.id, type: "category.deleted", data: { id: "c1" }, now: clock.now() }));
    await db.webhookDelivery.updateMany({ where: { endpointId: webhook.id, status: "pending" }, data: { nextAttemptAt: new Date(clock.now().getTime() + 60_000) } });
    await restarted.runDueDeliveries();
    expect(forPath(path)).toHaveLength(2);
    await createDeliveryRunner({ now: () => clock.advance(61_000) }).runDueDeliveries();
    expect(forPath(path)).toHaveLength(3);
  });

  it("delivers in order per endpoint: later events wait for an earlier one that is failing, and never two at once", async () => {
    const org = await makeOrg();
    const { webhook } = await endpoint(org.id, ["category.created"]);
    const path = pathOf(webhook.url);
    for (let i = 1; i <= 4; i++) await db.$transaction((tx) => recordWebhookEvent(tx, { organizationId: org.id, type: "category.created", data: { n: i } }));
    rx.reply({ status: 500 });
    const clock = testClock();
    await runDueDeliveries({ now: clock.now });
    expect(forPath(path)).toHaveLength(1); // the first failed; the others did not overtake it
    rx.always({ status: 200, delayMs: 30 });
    clock.advance(BACKOFF_MS[0] * 1.2);
    // Two workers (two processes) racing over the same endpoint.
    await Promise.all([createDeliveryRunner({ now: clock.now }).runDueDeliveries(), createDeliveryRunner({ now: clock.now }).runDueDeliveries()]);
    await runDueDeliveries({ now: clock.now });
    const got = forPath(path).map((r) => (JSON.parse(r.body) as { data: { n: number } }).data.n);
    expect(got).toEqual([1, 1, 2, 3, 4]);
    expect(rx.maxConcurrent).toBe(1);
  });

  it("a paused endpoint receives nothing, and resumes in order when enabled", async () => {
    const org = await makeOrg();
    const { webhook } = await endpoint(org.id, ["article.created"]);
    const path = pathOf(webhook.url);
    await createArticle(org.id, { title: "before pause", body: "", visibility: "internal", published: false }, actor);
    await updateWebhook(org.id, webhook.id, { enabled: false }, actor);
    await createArticle(org.id, { title: "while paused", body: "", visibility: "internal", published: false }, actor);
    const clock = testClock();
    await runDueDeliveries({ now: clock.now });
    await runDueDeliveries({ now: clock.advance(48 * HOUR) });
    expect(forPath(path)).toHaveLength(0);
    expect(await db.webhookDelivery.count({ where: { endpointId: webhook.id } })).toBe(1); // nothing recorded while paused
    await updateWebhook(org.id, webhook.id, { enabled: true }, actor);
    await runDueDeliveries({ now: clock.now });
    expect(forPath(path).map((r) => (JSON.parse(r.body) as { data: { title: string } }).data.title)).toEqual(["before pause"]);
  });

  it("rotation: both secrets sign for 24 hours, then only the new one", async () => {
    const org = await makeOrg();
    const { webhook, secret: oldSecret } = await endpoint(org.id, ["category.created"]);
    const path = pathOf(webhook.url);
    const clock = testClock();
    const { secret: newSecret, webhook: rotated } = await rotateWebhookSecret(org.id, webhook.id, actor, { now: clock.now() });
    expect(newSecret).not.toBe(oldSecret);
    expect(rotated.previous_secret_expires_at).toBe(new Date(clock.now().getTime() + 24 * HOUR).toISOString());
    await db.$transaction((tx) => recordWebhookEvent(tx, { organizationId: org.id, type: "category.created", data: { n: 1 } }));
    await runDueDeliveries({ now: clock.advance(23 * HOUR) });
    const during = forPath(path)[0];
    expect(during.headers["webhook-signature"].split(" ")).toHaveLength(2);
    expect(verifyAt(oldSecret, during, clock.now())).toMatchObject({ data: { n: 1 } });
    expect(verifyAt(newSecret, during, clock.now())).toMatchObject({ data: { n: 1 } });
    await db.$transaction((tx) => recordWebhookEvent(tx, { organizationId: org.id, type: "category.created", data: { n: 2 }, now: clock.now() }));
    await runDueDeliveries({ now: clock.advance(2 * HOUR) });
    const after = forPath(path)[1];
    expect(after.headers["webhook-signature"].split(" ")).toHaveLength(1);
    expect(verifyAt(newSecret, after, clock.now())).toMatchObject({ data: { n: 2 } });
    expect(() => verifyAt(oldSecret, after, clock.now())).toThrow(/signature/i);
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts over about a day, then the next delivery goes`, async () => {
    const org = await makeOrg();
    const { webhook } = await endpoint(org.id, ["category.created"]);
    const path = pathOf(webhook.url);
    rx.always({ status: 500 });
    await db.$transaction((tx) => recordWebhookEvent(tx, { organizationId: org.id, type: "category.created", data: { n: 1 } }));
    await db.$transaction((tx) => recordWebhookEvent(tx, { organizationId: org.id, type: "category.created", data: { n: 2 } }));
    const clock = testClock();
    const start = clock.now().getTime();
    for (let i = 0; i < 40 && forPath(path).length < MAX_ATTEMPTS; i++) await runDueDeliveries({ now: clock.advance(HOUR) });
    const first = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: webhook.id }, orderBy: { createdAt: "asc" }, include: { event: true } });
    expect(forPath(path)).toHaveLength(MAX_ATTEMPTS);
    expect(first).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    const span = first.lastAttemptAt!.getTime() - start;
    expect(span).toBeGreaterThan(18 * HOUR);
    expect(span).toBeLessThan(40 * HOUR);
    rx.always({ status: 200 });
    await runDueDeliveries({ now: clock.advance(1000) });
    expect((JSON.parse(forPath(path).at(-1)!.body) as { data: { n: number } }).data.n).toBe(2);
  });

  it("an endpoint failing for 3 days is paused and its owners are emailed", async () => {
    const smtp = await startSmtp();
    process.env.SMTP_URL = smtp.url;
    resetMailTransport();
    try {
      const org = await makeOrg();
      const owner = await db.user.create({ data: { email: `owner-${rand()}@example.com`, name: "Owner" } });
      await db.membership.create({ data: { userId: owner.id, organizationId: org.id, role: "owner" } });
      const { webhook } = await endpoint(org.id, ["category.created"]);
      rx.always({ status: 500 });
      const clock = testClock();
      await db.$transaction((tx) => recordWebhookEvent(tx, { organizationId: org.id, type: "category.created", data: { n: 1 }, now: clock.now() }));
      await runDueDeliveries({ now: clock.now });
      expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: webhook.id } })).failingSince).toEqual(clock.now());
      // Days later, still failing.
      clock.advance(3 * 24 * HOUR);
      await db.$transaction((tx) => recordWebhookEvent(tx, { organizationId: org.id, type: "category.created", data: { n: 2 }, now: clock.now() }));
      await db.webhookDelivery.updateMany({ where: { endpointId: webhook.id, attempts: 1 }, data: { status: "failed" } });
      const summary = await runDueDeliveries({ now: clock.now });
      expect(summary.paused).toContain(webhook.id);
      const ep = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: webhook.id } });
      expect(ep.enabled).toBe(false);
      expect(ep.pausedReason).toMatch(/failed/);
      expect(smtp.messages.map((m) => m.to)).toContainEqual([owner.email]);
      expect(await db.auditEvent.count({ where: { targetId: webhook.id, action: "webhook.paused" } })).toBe(1);
    } finally {
      delete process.env.SMTP_URL;
      resetMailTransport();
      await smtp.close();
    }
  });

  it("a partner's endpoint hears only about what the partner may read", async () => {
    const org = await makeOrg();
    const partner = await db.partner.create({ data: { organizationId: org.id, name: "P", email: `p-${rand()}@example.com`, level: "read" } });
    const { webhook } = await endpoint(org.id, ["article.created", "key.created"], { partnerId: partner.id });
    await createArticle(org.id, { title: "internal", body: "", visibility: "internal", published: true }, actor);
    await createArticle(org.id, { title: "draft", body: "", visibility: "external", published: false }, actor);
    await createArticle(org.id, { title: "public", body: "", visibility: "external", published: true }, actor);
    await makeKey(org.id, { scopes: ["read"] }); // the organization's own key: not the partner's business
    const deliveries = await db.webhookDelivery.findMany({ where: { endpointId: webhook.id }, include: { event: true } });
    expect(deliveries.map((d) => [d.event.type, (d.event.payload as { data: { title?: string } }).data.title])).toEqual([["article.created", "public"]]);
  });

  it("key.expiring 14 days and 1 day before expiry, each recorded once", async () => {
    const org = await makeOrg();
    const { webhook } = await endpoint(org.id, ["key.expiring"]);
    const clock = testClock();
    const expiresAt = new Date(clock.now().getTime() + 10 * 24 * HOUR);
    const k = await makeKey(org.id, { scopes: ["read"], expiresAt });
    await checkExpiringKeys({ now: clock.now });
    await checkExpiringKeys({ now: clock.now });
    await checkExpiringKeys({ now: () => new Date(clock.now().getTime() + HOUR) });
    await checkExpiringKeys({ now: () => clock.advance(9.5 * 24 * HOUR) });
    await checkExpiringKeys({ now: clock.now });
    const events = await db.webhookEvent.findMany({ where: { organizationId: org.id, type: "key.expiring" }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => (e.payload as { data: { id: string; expires_in_days: number } }).data)).toEqual([
      expect.objectContaining({ id: k.key.id, expires_in_days: 10 }),
      expect.objectContaining({ id: k.key.id, expires_in_days: 1 }),
    ]);
    expect(JSON.stringify(events.map((e) => e.payload))).not.toContain(k.secret);
    expect(await db.webhookDelivery.count({ where: { endpointId: webhook.id } })).toBe(2);
  });

  it("the server loop delivers on its own and at once when a service nudges it; stop() ends it", async () => {
    const org = await makeOrg();
    const { webhook, secret } = await endpoint(org.id, ["category.created"]);
    const path = pathOf(webhook.url);
    const loop = startWebhookWorker({ intervalMs: 60_000 }); // only a nudge can make it run again soon
    try {
      await new Promise((ok) => setTimeout(ok, 200)); // its first pass
      await db.$transaction((tx) => recordWebhookEvent(tx, { organizationId: org.id, type: "category.created", data: { id: "c-nudged" } }));
      nudgeWebhookWorker();
      for (let i = 0; i < 50 && forPath(path).length === 0; i++) await new Promise((ok) => setTimeout(ok, 50));
      expect(forPath(path)).toHaveLength(1);
      expect(verifyAt(secret, forPath(path)[0], new Date())).toMatchObject({ type: "category.created", data: { id: "c-nudged" } });
      expect(startWebhookWorker()).toBe(loop); // one loop per process
    } finally {
      loop.stop();
    }
  });

  it("purges events older than 30 days once nothing of theirs is pending", async () => {
    const org = await makeOrg();
    await endpoint(org.id, ["category.created"]);
    const old = new Date(Date.now() - 31 * 24 * HOUR);
    const done = await db.$transaction((tx) => recordWebhookEvent(tx, { organizationId: org.id, type: "category.created", data: { n: 1 }, now: old }));
    const waiting = await db.$transaction((tx) => recordWebhookEvent(tx, { organizationId: org.id, type: "category.created", data: { n: 2 }, now: old }));
    await db.webhookDelivery.updateMany({ where: { eventId: done! }, data: { status: "succeeded" } });
    await purgeWebhookEvents();
    expect(await db.webhookEvent.findUnique({ where: { id: done! } })).toBeNull();
    expect(await db.webhookDelivery.count({ where: { eventId: done! } })).toBe(0);
    expect(await db.webhookEvent.findUnique({ where: { id: waiting! } })).not.toBeNull();
  });

  it("key and approval events carry the object as the API shows it, never a secret", async () => {
    const org = await makeOrg();
    const { webhook } = await endpoint(org.id, ["key.created", "key.rotated", "key.revealed", "key.deleted", "key.restored", "approval.created", "approval.decided"]);
    const k = await makeKey(org.id, { scopes: ["read"] });
    const rotated = await rotateKey(org.id, k.key.id, undefined, actor);
    const revealed = await revealKey(org.id, k.key.id, actor);
    await deleteKey(org.id, k.key.id, actor);
    await restoreKey(org.id, k.key.id, actor);
    const a = await createApproval(org.id, { title: "Refund", description: "" }, actor);
    await decideApproval(org.id, { id: a.id, status: "approved" }, actor);
    const events = await db.webhookDelivery.findMany({ where: { endpointId: webhook.id }, include: { event: true }, orderBy: [{ createdAt: "asc" }, { eventId: "asc" }] });
    expect(events.map((d) => d.event.type)).toEqual(["key.created", "key.rotated", "key.revealed", "key.deleted", "key.restored", "approval.created", "approval.decided"]);
    const text = JSON.stringify(events.map((d) => d.event.payload));
    for (const secret of [k.secret, rotated.secret, revealed.secret]) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/ciphertext|"hash"/);
    expect((events[3].event.payload as { data: { deleted_at: string | null } }).data.deleted_at).not.toBeNull();
    expect((events[6].event.payload as { data: { status: string } }).data.status).toBe("approved");
  });

  it("an endpoint deleted while its delivery is in flight does not break the pass; requests time out at 10 s", async () => {
    expect(DELIVERY_TIMEOUT_MS).toBe(10_000);
    const org = await makeOrg();
    const { webhook } = await endpoint(org.id, ["category.created"]);
    const other = await endpoint(org.id, ["category.created"]);
    await db.$transaction((tx) => recordWebhookEvent(tx, { organizationId: org.id, type: "category.created", data: { n: 1 } }));
    const seen: string[] = [];
    const worker = createDeliveryRunner({
      now: testClock().now,
      concurrency: 1,
      post: async (url) => {
        seen.push(url);
        if (url === webhook.url) await db.webhookEndpoint.delete({ where: { id: webhook.id } });
        return { ok: true, statusCode: 200, durationMs: 1, responseExcerpt: null, error: null };
      },
    });
    await expect(worker.runDueDeliveries()).resolves.toBeTruthy();
    expect(seen.sort()).toEqual([webhook.url, other.webhook.url].sort());
    expect(await db.webhookDelivery.findFirst({ where: { endpointId: other.webhook.id } })).toMatchObject({ status: "succeeded" });
  });

  it("one organization uses at most 2 of the 8 lanes: another organization's endpoints are served meanwhile (issue 11)", async () => {
    const slow = await makeOrg();
    const fast = await makeOrg();
    const slowHooks = await Promise.all([1, 2, 3, 4, 5, 6].map(() => endpoint(slow.id, ["category.created"])));
    const fastHooks = await Promise.all([1, 2].map(() => endpoint(fast.id, ["category.created"])));
    for (const o of [slow, fast]) await db.$transaction((tx) => recordWebhookEvent(tx, { organizationId: o.id, type: "category.created", data: { n: 1 } }));
    const orgOf = new Map([...slowHooks.map((h) => [h.webhook.url, "slow"] as const), ...fastHooks.map((h) => [h.webhook.url, "fast"] as const)]);
    const active = { slow: 0, fast: 0 };
    const peak = { slow: 0, fast: 0 };
    let fastDoneWhileSlowBusy = 0;
    let fastDone = 0;
    const worker = createDeliveryRunner({
      now: testClock().now,
      concurrency: 8,
      post: async (url) => {
        const who = orgOf.get(url);
        if (who) {
          active[who]++;
          peak[who] = Math.max(peak[who], active[who]);
          // the slow tenant's receivers hang until the fast tenant was served (or 15 s, only reached
          // when the cap is broken: a loaded machine can take seconds to start the fast deliveries):
          // with no cap they would hold 6 lanes; the fast tenant's two endpoints are served side by side
          const until = (done: () => boolean, ms: number) => new Promise<void>((resolve) => {
            const t0 = Date.now();
            const poll = () => (done() || Date.now() - t0 > ms ? resolve() : setTimeout(poll, 5));
            poll();
          });
          if (who === "slow") await until(() => fastDone === 2, 15_000);
          else await until(() => active.fast === 2, 5_000);
          if (who === "fast" && active.slow > 0) fastDoneWhileSlowBusy++;
          if (who === "fast") fastDone++;
          active[who]--;
        }
        return { ok: true, statusCode: 200, durationMs: 1, responseExcerpt: null, error: null };
      },
    });
    const summary = await worker.runDueDeliveries();
    expect(peak.slow).toBe(2);
    expect(peak.fast).toBe(2);
    expect(fastDoneWhileSlowBusy).toBe(2);
    const ids = [...slowHooks, ...fastHooks].map((h) => h.webhook.id);
    expect(await db.webhookDelivery.count({ where: { endpointId: { in: ids }, status: "succeeded" } })).toBe(8);
    expect(summary.succeeded).toBeGreaterThanOrEqual(8);
  });
});
