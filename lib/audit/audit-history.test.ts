// The history page's reads: filters (case-blind actor search on both databases), tenant isolation,
// the events of a partner with its keys, and the CSV stream.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { auditFilters, historyCsvStream, listEventsAbout, listHistory } from "@/lib/audit/audit-history";
import { makeOrg } from "@/test/factories";

async function event(organizationId: string, label: string, action: "key.created" | "key.deleted", targetId: string) {
  await db.$transaction((tx) => recordAuditEvent(tx, { organizationId, actor: { type: "user", id: null, label }, action, targetType: "key", targetId, metadata: { name: "=SUM(A1)" } }));
}

describe("audit history reads", () => {
  it("filters by actor without regard to case, by action and key, and never shows another organization's rows", async () => {
    const a = await makeOrg();
    const b = await makeOrg();
    await event(a.id, "Alice@Example.com", "key.created", "k1");
    await event(a.id, "bob@example.com", "key.deleted", "k2");
    await event(b.id, "alice@example.com", "key.created", "k3");
    const byActor = await listHistory(a.id, auditFilters({ actor: "ALICE@example" }), 1, 50);
    expect(byActor.total).toBe(1);
    expect(byActor.events[0]).toMatchObject({ actorLabel: "Alice@Example.com", targetId: "k1" });
    expect((await listHistory(a.id, auditFilters({ action: "key.deleted" }), 1, 50)).events.map((e) => e.targetId)).toEqual(["k2"]);
    expect((await listHistory(a.id, auditFilters({ key: "k3" }), 1, 50)).total).toBe(0);
    expect((await listHistory(a.id, auditFilters({}), 1, 50)).total).toBe(2);
    expect((await listEventsAbout(a.id, ["k1", "k2", "k3"])).map((e) => e.targetId).sort()).toEqual(["k1", "k2"]);
  });

  it("streams CSV with a header, quoting, and formulas defused", async () => {
    const a = await makeOrg();
    await event(a.id, "carol@example.com", "key.created", "k9");
    const text = await new Response(historyCsvStream(a.id, auditFilters({}))).text();
    const lines = text.trim().split("\r\n");
    expect(lines[0]).toBe("created_at,action,actor_type,actor,target_type,target_id,ip,user_agent,metadata");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(",key.created,user,carol@example.com,key,k9,");
    expect(lines[1]).toContain(`"{""name"":""=SUM(A1)""}"`);
  });
});
