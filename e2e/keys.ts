// Keys made straight through the key service (the same one the dashboard and API use), for specs
// that exercise the API as a program would.
import type { Permission, Preset } from "../lib/keys/permissions";

export async function makeApiKey(organizationId: string, opts: { scopes?: Preset[]; permissions?: Permission[]; rateLimitPerHour?: number } = { scopes: ["admin"] }) {
  const { createKey } = await import("../lib/keys/create-key");
  const { systemActor } = await import("../lib/audit/actor");
  return createKey(organizationId, opts, systemActor("e2e"));
}
