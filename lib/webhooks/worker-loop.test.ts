// KEYDESK_WEBHOOK_WORKER=0 (deliver: false) turns off delivery only: the housekeeping still runs.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { systemActor } from "@/lib/audit/actor";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { recordWebhookEvent } from "@/lib/webhooks/events";
import { startWebhookWorker, webhookWorkerStatus } from "@/lib/webhooks/webhook-worker";
import { makeKey, makeOrg } from "@/test/factories";

describe("a web-only instance's worker loop", () => {
  it("sends nothing but records key.expiring and reports itself as housekeeping only", async () => {
    const org = await makeOrg();
    const { webhook } = await createWebhook(org.id, { url: "http://127.0.0.1:9/never", events: ["category.created", "key.expiring"] }, systemActor("test"));
    await db.$transaction((tx) => recordWebhookEvent(tx, { organizationId: org.id, type: "category.created", data: { id: "c1" } }));
    const k = await makeKey(org.id, { scopes: ["read"], expiresAt: new Date(Date.now() + 5 * 24 * 3600e3) });
    const loop = startWebhookWorker({ intervalMs: 50, deliver: false });
    try {
      await expect.poll(() => db.webhookEvent.count({ where: { organizationId: org.id, type: "key.expiring" } }), { timeout: 5000 }).toBe(1);
      const expiring = await db.webhookEvent.findFirstOrThrow({ where: { organizationId: org.id, type: "key.expiring" } });
      expect((expiring.payload as { data: { id: string } }).data.id).toBe(k.key.id);
      await expect.poll(() => webhookWorkerStatus()?.lastPassAt ?? null, { timeout: 5000 }).not.toBeNull();
      expect(webhookWorkerStatus()).toMatchObject({ delivering: false, stopped: false });
      const deliveries = await db.webhookDelivery.findMany({ where: { endpointId: webhook.id } });
      expect(deliveries.length).toBeGreaterThan(0);
      expect(deliveries.every((d) => d.attempts === 0 && d.status === "pending")).toBe(true);
    } finally {
      loop.stop();
      await db.webhookDelivery.updateMany({ where: { endpointId: webhook.id, status: "pending" }, data: { status: "failed" } });
    }
  });
});

describe("which endpoints a pass serves", () => {
  it("takes organizations in turn, so one with many due endpoints cannot keep another's out", async () => {
    const { fairByOrganization } = await import("@/lib/webhooks/run-due-deliveries");
    const due = [
      { id: "a1", org: "A" }, { id: "a2", org: "A" }, { id: "a3", org: "A" }, { id: "a4", org: "A" },
      { id: "b1", org: "B" }, { id: "c1", org: "C" }, { id: "c2", org: "C" },
    ];
    expect(fairByOrganization(due, 3).map((e) => e.id)).toEqual(["a1", "b1", "c1"]);
    expect(fairByOrganization(due, 100).map((e) => e.id)).toEqual(["a1", "b1", "c1", "a2", "c2", "a3", "a4"]);
    expect(fairByOrganization([], 5)).toEqual([]);
  });
});
