// The audit catalogue: every action lib/ records has a label and a group; details read as words.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, auditActionGroups, auditActionLabel, describeAuditEvent, isAuditAction } from "@/lib/audit/audit-actions";

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" ? [] : sources(p);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith(".test.ts") ? [p] : [];
  });
}

describe("audit actions", () => {
  it("labels every action that lib/ records (including conditional ones)", () => {
    const recorded = new Set<string>();
    for (const file of sources("lib")) {
      const src = fs.readFileSync(file, "utf8");
      if (!src.includes("recordAuditEvent")) continue;
      for (const m of src.matchAll(/action:\s*([^,]+?)\s*,\s*targetType/g)) for (const s of m[1].matchAll(/"([a-z_]+\.[a-z_]+)"/g)) recorded.add(s[1]);
    }
    expect(recorded.size).toBeGreaterThan(30);
    const unlabelled = [...recorded].filter((a) => !isAuditAction(a));
    expect(unlabelled).toEqual([]);
    for (const a of recorded) expect(auditActionLabel(a)).not.toBe(a);
  });

  it("groups every action once in the filter menu", () => {
    const listed = auditActionGroups().flatMap((g) => g.actions.map((a) => a.value));
    expect(listed.sort()).toEqual([...AUDIT_ACTIONS].sort());
    expect(auditActionGroups().map((g) => g.group)).toContain("Partners");
  });

  it("says what changed, before → after, in words", () => {
    expect(describeAuditEvent("org.settings_updated", { before: { requireApiToken: false, defaultRateLimitPerHour: 1000 }, after: { requireApiToken: true, defaultRateLimitPerHour: 5000 } })).toBe(
      "Require an API key for every request: off → on · Default rate limit per hour: 1,000 → 5,000",
    );
    expect(describeAuditEvent("key.updated", { before: { name: "CI", rate_limit_per_hour: null, permissions: ["articles:read"] }, after: { name: "CI", rate_limit_per_hour: 50, permissions: ["articles:read", "approvals:write"] } })).toBe(
      "“CI” · Rate limit per hour: none → 50 · Permissions: added approvals:write",
    );
    expect(describeAuditEvent("member.role_changed", { email: "a@example.com", before: { role: "agent" }, after: { role: "admin" } })).toBe("a@example.com · Role: agent → admin");
    expect(describeAuditEvent("key.updated", { before: { expires_at: null }, after: { expires_at: "2026-12-31T00:00:00.000Z" }, reason: "key lifetime policy (90 days)" })).toBe(
      "Expires: none → 31 Dec 2026, 00:00 UTC · key lifetime policy (90 days)",
    );
  });

  it("never shows raw codes or camelCase for old or unknown actions", () => {
    expect(auditActionLabel("something.happened_here")).toBe("Something happened here");
    expect(describeAuditEvent("approval.decided", { title: "Refund", status: "APPROVED" })).toBe("“Refund” · approved");
    expect(describeAuditEvent("key.revealed", null)).toBeNull();
  });
});
