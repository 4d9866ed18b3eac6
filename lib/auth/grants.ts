// Grants never exceed the granter: the one place that decides what a caller may hand out (key
// permissions, partner levels, member roles) or subscribe to (webhook event types).
//
// Rules (README / CONTRACT):
//  - A key grants only permissions it holds itself (and manages only keys within them).
//  - Roles: a key may invite or assign at most `agent`, or at most `admin` when it holds every
//    permission of the `admin` preset; a key never grants `owner`. A signed-in (or desk-token)
//    Admin grants at most `admin`; an Owner grants any role; the system (CLI) grants any role.
//    Changing a member's role also needs the member's current role within reach (an Admin
//    cannot demote an Owner).
//  - Webhooks: a key subscribes an endpoint only to event families it could read (see
//    EVENT_FAMILY_PERMISSION), and sees delivery payloads only of those families.
import type { Role } from "@/lib/auth/roles";
import { ApiError } from "@/lib/http/problem";
import type { Principal } from "@/lib/http/with-actor";
import type { KeyAuth } from "@/lib/http/with-api-key";
import { hasPermission, PRESET_PERMISSIONS, type Permission } from "@/lib/keys/permissions";

export type GrantableRole = Role;

/** Who is granting: a key (by its permissions), a member (by role), or the system (CLI, jobs). */
export type Granter =
  | { kind: "key"; permissions: readonly string[]; partnerId?: string | null }
  | { kind: "member"; role: GrantableRole }
  | { kind: "system" };

export const SYSTEM_GRANTER: Granter = { kind: "system" };

/** The granter behind a keyed request or a withActor principal (null = system). */
export function granterOf(caller: KeyAuth | Principal | null | undefined): Granter {
  if (!caller) return SYSTEM_GRANTER;
  if ("kind" in caller) return { kind: "key", permissions: caller.key.permissions, partnerId: caller.key.partnerId };
  if (caller.via === "key") return { kind: "key", permissions: caller.key.key.permissions, partnerId: caller.key.key.partnerId };
  return { kind: "member", role: caller.role };
}

const ROLE_RANK: Record<GrantableRole, number> = { agent: 0, admin: 1, owner: 2 };

/** The highest role this granter may give (or take away). */
export function maxGrantableRole(g: Granter): GrantableRole {
  if (g.kind === "system") return "owner";
  if (g.kind === "member") return g.role === "owner" ? "owner" : g.role === "admin" ? "admin" : "agent";
  return PRESET_PERMISSIONS.admin.every((p) => hasPermission(g.permissions, p)) ? "admin" : "agent";
}

/** 403 unless the granter may give `role` (and, for a change, may touch a member holding `current`). */
export function assertMayGrantRole(g: Granter, role: GrantableRole, current?: GrantableRole) {
  const max = maxGrantableRole(g);
  const who = g.kind === "key" ? "This key" : g.kind === "member" ? `A member with the role ${g.role}` : "The system";
  const code = g.kind === "key" ? "insufficient_permissions" : "forbidden";
  if (ROLE_RANK[role] > ROLE_RANK[max]) {
    throw new ApiError(code, `${who} may grant at most the role ${max}, not ${role}.`, { max_role: max });
  }
  if (current && ROLE_RANK[current] > ROLE_RANK[max]) {
    throw new ApiError(code, `${who} may change members up to the role ${max}; this member is ${current}.`, { max_role: max });
  }
  // a member below admin grants nothing (callers already require owner/admin; belt and braces)
  if (g.kind === "member" && g.role === "agent") throw new ApiError("forbidden", "Agents cannot grant roles.");
}

/** A key grants (or manages keys holding) only permissions it holds itself; people are checked by role. */
export function assertMayGrantPermissions(g: Granter, permissions: readonly string[]) {
  if (g.kind !== "key") return;
  const missing = permissions.find((p) => !hasPermission(g.permissions, p as Permission));
  if (missing) {
    throw new ApiError("insufficient_permissions", `A key cannot grant or manage ${missing}, which it does not hold itself.`, { required: missing });
  }
}

/** The API-route form: `caller` is the keyed request or principal. */
export function assertKeyMayGrant(caller: KeyAuth | Principal | null, permissions: readonly string[]) {
  assertMayGrantPermissions(granterOf(caller), permissions);
}

/** The guard form, for the key services: the caller may manage only keys within its own permissions. */
export const mayManageKey = (caller: KeyAuth | Principal | null) => (key: { permissions: unknown }) =>
  assertKeyMayGrant(caller, key.permissions as string[]);

// Webhook event families and the read permission that would show their data through the API.
export const EVENT_FAMILY_PERMISSION: Record<string, Permission> = {
  article: "articles:read",
  category: "categories:read",
  approval: "approvals:read",
  key: "keys:read",
  partner: "keys:read",
  webhook: "webhooks:read",
};

const PARTNER_OWN_FAMILIES = new Set(["key", "partner"]);

/** The permission needed to read an event of this type (unknown families need keys:read, the strictest common one). */
export function permissionForEvent(type: string): Permission {
  return EVENT_FAMILY_PERMISSION[type.split(".")[0]!] ?? "keys:read";
}

/** May this granter see the data of events of this type? People (dashboard) and the system see all. */
export function mayReadEvent(g: Granter, type: string): boolean {
  if (g.kind !== "key") return true;
  // a partner's endpoints hear only about the partner's own keys (lib/webhooks/events.ts), which it knows
  if (g.partnerId && PARTNER_OWN_FAMILIES.has(type.split(".")[0]!)) return true;
  return hasPermission(g.permissions, permissionForEvent(type));
}

/** 403 naming the missing permissions when a key subscribes to events it could not read. */
export function assertMaySubscribe(g: Granter, eventTypes: readonly string[]) {
  if (g.kind !== "key") return;
  const missing = [...new Set(eventTypes.filter((t) => !mayReadEvent(g, t)).map(permissionForEvent))];
  if (missing.length) {
    const events = eventTypes.filter((t) => !mayReadEvent(g, t));
    throw new ApiError("insufficient_permissions", `This key cannot subscribe to ${events.join(", ")}: it lacks ${missing.join(", ")}.`, { required: missing[0] });
  }
}
