// Scopes and permissions (CONTRACT.md §2): presets read / write / admin, or resource:level lists.
import { z } from "zod";

export const RESOURCES = ["articles", "categories", "approvals", "team", "keys", "webhooks", "usage", "settings", "audit"] as const;
export const LEVELS = ["read", "write"] as const;
export const PRESETS = ["read", "write", "admin"] as const;
export const PLANS = ["free", "starter", "professional"] as const;

export type Resource = (typeof RESOURCES)[number];
export type Level = (typeof LEVELS)[number];
export type Permission = `${Resource}:${Level}`;
export type Preset = (typeof PRESETS)[number];
export type PlanName = (typeof PLANS)[number];

/** The levels each resource has: the audit log is read-only (it is written by what it records). */
export const RESOURCE_LEVELS = Object.fromEntries(RESOURCES.map((r) => [r, r === "audit" ? (["read"] as const) : LEVELS])) as unknown as Record<Resource, readonly Level[]>;

export const ALL_PERMISSIONS = RESOURCES.flatMap((r) => RESOURCE_LEVELS[r].map((l) => `${r}:${l}` as Permission));

// read / write cover the content of the desk; admin adds team, keys, webhooks, usage, settings and audit.
const CONTENT: Resource[] = ["articles", "categories", "approvals"];
export const PRESET_PERMISSIONS: Record<Preset, Permission[]> = {
  read: CONTENT.map((r) => `${r}:read` as Permission),
  write: CONTENT.flatMap((r) => [`${r}:read`, `${r}:write`] as Permission[]),
  admin: ALL_PERMISSIONS,
};

export const permissionSchema = z.enum(ALL_PERMISSIONS as [Permission, ...Permission[]]);
export const presetSchema = z.enum(PRESETS);

/** Sorted, de-duplicated, with `x:read` added wherever `x:write` is present (write implies read). */
export function normalizePermissions(perms: Iterable<Permission>): Permission[] {
  const set = new Set<Permission>();
  for (const p of perms) {
    set.add(p);
    if (p.endsWith(":write")) set.add(p.replace(/:write$/, ":read") as Permission);
  }
  return ALL_PERMISSIONS.filter((p) => set.has(p));
}

/** Scopes (one or more presets) or explicit permissions → the stored list and preset name. */
export function resolvePermissions(input: { scopes?: Preset[]; permissions?: Permission[] }): {
  permissions: Permission[];
  preset: Preset | null;
} {
  if (input.scopes?.length) {
    const preset = (["admin", "write", "read"] as const).find((p) => input.scopes!.includes(p))!;
    return { permissions: PRESET_PERMISSIONS[preset], preset };
  }
  const permissions = normalizePermissions(input.permissions ?? []);
  return { permissions, preset: presetFor(permissions) };
}

/** The preset whose list equals these permissions exactly, else null. */
export function presetFor(perms: Permission[]): Preset | null {
  const key = normalizePermissions(perms).join(",");
  return PRESETS.find((p) => PRESET_PERMISSIONS[p].join(",") === key) ?? null;
}

export function hasPermission(held: readonly string[], required: Permission): boolean {
  if (held.includes(required)) return true;
  return required.endsWith(":read") && held.includes(required.replace(/:read$/, ":write"));
}

/** The permission list as "|a|b|" text (ApiKey.permissionsIndex), for "holds permission" filters. */
export function permissionsIndexFor(perms: readonly string[]): string {
  return perms.length ? `|${perms.join("|")}|` : "";
}
