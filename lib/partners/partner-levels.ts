// A partner's level bounds every key it holds (mapped onto the permissions of CONTRACT.md §2):
//  read        read the knowledge base and approvals (the `read` preset)
//  write       submit and decide approvals only (approvals:write, which implies approvals:read)
//  read_write  read everything above and write articles, categories and approvals (the `write` preset)
import { z } from "zod";
import { hasPermission, normalizePermissions, PRESET_PERMISSIONS, type Permission, type PlanName } from "@/lib/keys/permissions";
import { planRefusal } from "@/lib/plans/plan-rules";

export const PARTNER_LEVELS = ["read", "write", "read_write"] as const;
export type PartnerLevel = (typeof PARTNER_LEVELS)[number];

export const partnerLevelSchema = z.enum(PARTNER_LEVELS, { error: "Choose a level: read, write or read_write" });

/** A level read from the database (stored as text): typed here, once, instead of cast where used. */
export function partnerLevelOf(value: string): PartnerLevel {
  return partnerLevelSchema.parse(value);
}

// "Approvals", not "Write": the key preset named Write is a different set (it writes articles too)
export const LEVEL_LABELS: Record<PartnerLevel, string> = { read: "Read", write: "Approvals", read_write: "Read & Write" };

export const LEVEL_PERMISSIONS: Record<PartnerLevel, Permission[]> = {
  read: PRESET_PERMISSIONS.read,
  write: normalizePermissions(["approvals:write"]),
  read_write: PRESET_PERMISSIONS.write,
};

export function withinLevel(level: PartnerLevel, permissions: readonly string[]): boolean {
  return permissions.every((p) => hasPermission(LEVEL_PERMISSIONS[level], p as Permission));
}

/** The permissions a key keeps under a narrower level (never empty: every level reads approvals). */
export function narrowToLevel(level: PartnerLevel, permissions: readonly string[]): Permission[] {
  const kept = normalizePermissions(permissions.filter((p) => hasPermission(LEVEL_PERMISSIONS[level], p as Permission)) as Permission[]);
  return kept.length ? kept : LEVEL_PERMISSIONS[level].filter((p) => p.endsWith(":read"));
}

/** Whether the organization's plan allows every key of this level (free: none; starter: Read only). */
export function planAllowsLevel(plan: PlanName, level: PartnerLevel): boolean {
  return planRefusal(plan, LEVEL_PERMISSIONS[level]) === null;
}

/** Why the plan refuses a level, in the dashboard's words; null when it allows it. */
export function levelPlanMessage(plan: PlanName, level: PartnerLevel): string | null {
  if (planAllowsLevel(plan, level)) return null;
  return plan === "free" ? "Partner keys need the starter or professional plan." : `${LEVEL_LABELS[level]} access needs the professional plan.`;
}
