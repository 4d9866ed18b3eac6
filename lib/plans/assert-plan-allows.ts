// The services' form of the plan rule: a 403 plan_required problem naming the plan needed.
import { ApiError } from "@/lib/http/problem";
import type { Permission, PlanName } from "@/lib/keys/permissions";
import { planRefusal } from "@/lib/plans/plan-rules";

export function assertPlanAllows(plan: PlanName, permissions: readonly Permission[]): void {
  const refusal = planRefusal(plan, permissions);
  if (refusal) throw new ApiError("plan_required", refusal.message, { required_plan: refusal.requiredPlan });
}
