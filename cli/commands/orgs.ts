import { onOff, parse, positiveInt, required } from "@/cli/args";
import { findOrg } from "@/cli/find-org";
import { UsageError } from "@/cli/usage";
import { systemActor } from "@/lib/audit/actor";
import { ApiError } from "@/lib/http/problem";
import { PLANS, type PlanName } from "@/lib/keys/permissions";
import { createOrg } from "@/lib/orgs/create-org";
import { updateOrgSettings, type OrgSettings } from "@/lib/orgs/update-org-settings";

type OrgRow = Awaited<ReturnType<typeof createOrg>>;

export function orgJson(o: OrgRow) {
  return {
    id: o.id, slug: o.slug, name: o.name, plan: o.plan,
    require_api_token: o.requireApiToken, allow_query_keys: o.allowQueryKeys,
    default_rate_limit_per_hour: o.defaultRateLimitPerHour, reveal_policy: o.revealPolicy,
    created_at: o.createdAt.toISOString(),
  };
}

function plan(value: string | undefined): PlanName | undefined {
  if (value === undefined) return undefined;
  if (!(PLANS as readonly string[]).includes(value)) throw new ApiError("invalid_request", `Unknown plan "${value}": use free, starter or professional.`);
  return value as PlanName;
}

export async function orgsCommand(sub: string | undefined, args: string[]) {
  if (sub === "create") {
    const v = parse(args, { slug: { type: "string" }, name: { type: "string" }, plan: { type: "string" } });
    const org = await createOrg({ slug: required(v.slug, "--slug"), name: required(v.name, "--name"), plan: plan(v.plan) }, systemActor("cli"));
    return orgJson(org);
  }
  if (sub === "set") {
    const v = parse(args, {
      slug: { type: "string" },
      name: { type: "string" },
      plan: { type: "string" },
      "require-api-token": { type: "string" },
      "allow-query-keys": { type: "string" },
      "default-rate-limit": { type: "string" },
      "reveal-policy": { type: "string" },
    });
    const slug = required(v.slug, "--slug");
    const patch: OrgSettings = {
      name: v.name,
      plan: plan(v.plan),
      requireApiToken: onOff(v["require-api-token"], "--require-api-token"),
      allowQueryKeys: onOff(v["allow-query-keys"], "--allow-query-keys"),
      defaultRateLimitPerHour: positiveInt(v["default-rate-limit"], "--default-rate-limit"),
      revealPolicy: v["reveal-policy"] as OrgSettings["revealPolicy"],
    };
    for (const k of Object.keys(patch) as (keyof OrgSettings)[]) if (patch[k] === undefined) delete patch[k];
    if (Object.keys(patch).length === 0) throw new UsageError("orgs set needs at least one setting to change");
    if (patch.revealPolicy !== undefined && !["reveal", "show_once"].includes(patch.revealPolicy)) {
      throw new ApiError("invalid_request", `Unknown reveal policy "${patch.revealPolicy}": use reveal or show_once.`);
    }
    const org = await findOrg(slug);
    const r = await updateOrgSettings(org.id, patch, systemActor("cli"));
    if (r.forgotten) process.stderr.write(`Reveal policy is now show_once: deleted ${r.forgotten} stored key ciphertext(s); existing keys can no longer be revealed.\n`);
    return { ...orgJson(r.org), changed: r.changed };
  }
  throw new UsageError(sub ? `unknown command "orgs ${sub}"` : "orgs needs a command: create or set");
}
