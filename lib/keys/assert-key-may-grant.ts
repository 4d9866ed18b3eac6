// A key can never grant more than it holds: a key managing keys may create, change, rotate, delete
// or restore only keys whose permissions are a subset of its own (an admin key holds them all).
import { ApiError } from "@/lib/http/problem";
import { hasPermission, type Permission } from "@/lib/keys/permissions";
import type { Principal } from "@/lib/http/with-actor";
import type { KeyAuth } from "@/lib/http/with-api-key";

export function assertKeyMayGrant(caller: KeyAuth | Principal | null, permissions: readonly string[]) {
  const held = caller && "kind" in caller ? caller.key.permissions : caller?.via === "key" ? caller.key.key.permissions : null;
  if (!held) return; // a person acting through the dashboard is checked by role instead
  const missing = permissions.find((p) => !hasPermission(held, p as Permission));
  if (missing) {
    throw new ApiError("insufficient_permissions", `A key cannot grant or manage ${missing}, which it does not hold itself.`, { required: missing });
  }
}

/** The guard form, for the key services: the caller may manage only keys within its own permissions. */
export const mayManageKey = (caller: KeyAuth | Principal | null) => (key: { permissions: unknown }) =>
  assertKeyMayGrant(caller, key.permissions as string[]);
