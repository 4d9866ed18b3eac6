// The plan rule, pinned for each plan: what it allows and which plan a refusal names.
import { describe, expect, it } from "vitest";
import { ALL_PERMISSIONS } from "@/lib/keys/permissions";
import { planAllows, planHasKeyedAccess, planRefusal, requiredPlanFor } from "@/lib/plans/plan-rules";
import { assertPlanAllows } from "@/lib/plans/assert-plan-allows";
import { planAllowsLevel } from "@/lib/partners/partner-levels";

describe("plan rules", () => {
  it("free: no keyed access; the plan named is the cheapest that would allow the request", () => {
    expect(planHasKeyedAccess("free")).toBe(false);
    expect(ALL_PERMISSIONS.some((p) => planAllows("free", p))).toBe(false);
    expect(planRefusal("free", ["articles:read"])).toEqual({ requiredPlan: "starter", message: "API keys need the starter or professional plan." });
    expect(planRefusal("free", ["articles:read", "articles:write"])?.requiredPlan).toBe("professional");
    expect(planRefusal("free", [])?.requiredPlan).toBe("starter");
  });
  it("starter: reads only", () => {
    expect(ALL_PERMISSIONS.filter((p) => planAllows("starter", p)).every((p) => p.endsWith(":read"))).toBe(true);
    expect(planAllows("starter", "articles:read")).toBe(true);
    expect(planRefusal("starter", ["articles:read"])).toBeNull();
    expect(planRefusal("starter", ["articles:read", "keys:write"])).toEqual({ requiredPlan: "professional", message: "The starter plan allows read permissions only: keys:write needs the professional plan." });
  });
  it("professional: everything", () => {
    expect(ALL_PERMISSIONS.every((p) => planAllows("professional", p))).toBe(true);
    expect(planRefusal("professional", ALL_PERMISSIONS)).toBeNull();
  });
  it("one rule for the request path, the services and partner levels", () => {
    expect(requiredPlanFor(null)).toBe("starter");
    expect(requiredPlanFor("approvals:write")).toBe("professional");
    expect(() => assertPlanAllows("starter", ["approvals:write"])).toThrow(expect.objectContaining({ code: "plan_required", extras: { required_plan: "professional" } }));
    expect(planAllowsLevel("starter", "read")).toBe(true);
    expect(planAllowsLevel("starter", "write")).toBe(false);
    expect(planAllowsLevel("free", "read")).toBe(false);
    expect(planAllowsLevel("professional", "read_write")).toBe(true);
  });
});
