import { isoDate, parse, positiveInt, required } from "@/cli/args";
import { findOrg } from "@/cli/find-org";
import { UsageError } from "@/cli/usage";
import { systemActor } from "@/lib/audit/actor";
import { ApiError } from "@/lib/http/problem";
import { createKey } from "@/lib/keys/create-key";
import { PRESETS, permissionSchema, type Permission, type Preset } from "@/lib/keys/permissions";

/** "read" | "write" | "admin", or a comma-separated list of resource:level permissions. */
export function parseScopes(value: string): { scopes?: Preset[]; permissions?: Permission[] } {
  const items = value.split(",").map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) throw new ApiError("invalid_request", "--scopes is empty: use read, write, admin or resource:level permissions.");
  if (items.every((i) => (PRESETS as readonly string[]).includes(i))) return { scopes: items as Preset[] };
  const bad = items.filter((i) => !permissionSchema.safeParse(i).success);
  if (bad.length) {
    throw new ApiError("invalid_request", `Unknown permission ${bad.map((b) => `"${b}"`).join(", ")}: use read, write, admin or resource:level with resources articles, categories, approvals, team, keys, webhooks, usage and levels read, write.`);
  }
  return { permissions: items as Permission[] };
}

export async function keysCommand(sub: string | undefined, args: string[]) {
  if (sub !== "create") throw new UsageError(sub ? `unknown command "keys ${sub}"` : "keys needs a command: create");
  const v = parse(args, {
    org: { type: "string" },
    scopes: { type: "string" },
    name: { type: "string" },
    expires: { type: "string" },
    "rate-limit": { type: "string" },
  });
  const slug = required(v.org, "--org");
  const scopes = parseScopes(required(v.scopes, "--scopes"));
  const expiresAt = isoDate(v.expires, "--expires");
  const rateLimitPerHour = positiveInt(v["rate-limit"], "--rate-limit");
  if (expiresAt && expiresAt.getTime() <= Date.now()) throw new ApiError("invalid_request", `--expires ${v.expires} is in the past.`);
  const org = await findOrg(slug);
  const { key, secret } = await createKey(org.id, { ...scopes, name: v.name, expiresAt, rateLimitPerHour }, systemActor("cli"));
  return { id: key.id, key: secret };
}
