// What each plan lets an organization do with API keys (CONTRACT.md §2), in one place for the
// request path (with-api-key), the services (create, update, partner keys), the server actions and
// the UI (the permission grid and the partner level picker: this module is pure).
//   free          no keyed access at all
//   starter       keys with read permissions only
//   professional  everything
import type { Permission, PlanName } from "@/lib/keys/permissions";

export const PLAN_LABELS: Record<PlanName, string> = { free: "free", starter: "starter", professional: "professional" };

/** The cheapest plan under which a key may hold (and use) this permission. */
export function requiredPlanFor(permission: Permission | null): Exclude<PlanName, "free"> {
  return permission && !permission.endsWith(":read") ? "professional" : "starter";
}

const RANK: Record<PlanName, number> = { free: 0, starter: 1, professional: 2 };

export function planAllows(plan: PlanName, permission: Permission): boolean {
  return RANK[plan] >= RANK[requiredPlanFor(permission)];
}

/** Whether keyed requests are possible at all (free: no). */
export function planHasKeyedAccess(plan: PlanName): boolean {
  return plan !== "free";
}

/** Null when the plan allows every one of these permissions; else the plan needed and a sentence. */
export function planRefusal(plan: PlanName, permissions: readonly Permission[]): { requiredPlan: PlanName; message: string } | null {
  const missing = permissions.filter((p) => !planAllows(plan, p));
  if (planHasKeyedAccess(plan) && missing.length === 0) return null;
  const requiredPlan = missing.some((p) => requiredPlanFor(p) === "professional") ? "professional" : "starter";
  if (!planHasKeyedAccess(plan)) {
    return { requiredPlan, message: "API keys need the starter or professional plan." };
  }
  return { requiredPlan, message: `The ${plan} plan allows read permissions only: ${missing.join(", ")} needs the ${requiredPlan} plan.` };
}
