// The organization's API settings and key policies as the API speaks them (GET/PATCH /api/v1/settings).
import { z } from "zod";

export const settingsSchema = z
  .object({
    name: z.string(),
    plan: z.enum(["free", "starter", "professional"]).meta({ description: "Changed by the operator (CLI), not by this API" }),
    require_api_token: z.boolean().meta({ description: "Require an API key for every request (no guest reads)" }),
    allow_query_keys: z.boolean(),
    reveal_policy: z.enum(["reveal", "show_once"]),
    default_rate_limit_per_hour: z.number().int(),
    leaked_key_action: z.enum(["revoke", "notify"]),
    max_key_lifetime_days: z.number().int().nullable().meta({ description: "New keys and rotations expire within this many days; null: no limit" }),
    idle_key_days: z.number().int().nullable().meta({ description: "Keys unused this many days are paused (creators warned 7 days before); null: never" }),
  })
  .meta({ id: "Settings" });

/** The changeable settings, one rule each: the service (camelCase), the API and the dashboard read these. */
export const settingFields = {
  requireApiToken: z.boolean(),
  allowQueryKeys: z.boolean(),
  revealPolicy: z.enum(["reveal", "show_once"]),
  defaultRateLimitPerHour: z.number().int().min(1, "Enter a number from 1 to 1,000,000").max(1_000_000, "Enter a number from 1 to 1,000,000"),
  leakedKeyAction: z.enum(["revoke", "notify"]),
  maxKeyLifetimeDays: z.number().int().min(1, "From 1 to 3650 days").max(3650, "From 1 to 3650 days").nullable(),
  idleKeyDays: z.number().int().min(8, "From 8 to 3650 days (creators are warned 7 days before)").max(3650, "From 8 to 3650 days (creators are warned 7 days before)").nullable(),
};

export const updateSettingsSchema = z
  .strictObject({
    require_api_token: settingFields.requireApiToken,
    allow_query_keys: settingFields.allowQueryKeys,
    reveal_policy: settingFields.revealPolicy,
    default_rate_limit_per_hour: settingFields.defaultRateLimitPerHour,
    leaked_key_action: settingFields.leakedKeyAction,
    max_key_lifetime_days: settingFields.maxKeyLifetimeDays,
    idle_key_days: settingFields.idleKeyDays,
    /** Switching to show_once deletes every stored ciphertext: say so. */
    confirm_show_once: z.boolean(),
  })
  .partial();

export type SettingsBody = z.infer<typeof settingsSchema>;

export function serializeSettings(o: { name: string; plan: SettingsBody["plan"]; requireApiToken: boolean; allowQueryKeys: boolean; revealPolicy: SettingsBody["reveal_policy"]; defaultRateLimitPerHour: number; leakedKeyAction: SettingsBody["leaked_key_action"]; maxKeyLifetimeDays: number | null; idleKeyDays: number | null }): SettingsBody {
  return {
    name: o.name, plan: o.plan, require_api_token: o.requireApiToken, allow_query_keys: o.allowQueryKeys, reveal_policy: o.revealPolicy,
    default_rate_limit_per_hour: o.defaultRateLimitPerHour, leaked_key_action: o.leakedKeyAction, max_key_lifetime_days: o.maxKeyLifetimeDays, idle_key_days: o.idleKeyDays,
  };
}
