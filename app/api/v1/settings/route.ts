import { parseBody } from "@/lib/http/parse-body";
import { ApiError } from "@/lib/http/problem";
import { json } from "@/lib/http/respond";
import { withApiKey } from "@/lib/http/with-api-key";
import { getOrgSettings } from "@/lib/orgs/get-org-settings";
import { updateOrgSettings } from "@/lib/orgs/update-org-settings";
import { serializeSettings, updateSettingsSchema } from "@/lib/validations/settings";

// GET /api/v1/settings — the organization's API settings and key policies
export const GET = withApiKey(async ({ auth }) => json(await getOrgSettings(auth.org.id)), { permission: "settings:read" });

// PATCH /api/v1/settings — change them (audited with before and after); show_once needs confirm_show_once
export const PATCH = withApiKey(
  async ({ req, auth }) => {
    const b = await parseBody(req, updateSettingsSchema);
    if (b.reveal_policy === "show_once" && auth.org.revealPolicy === "reveal" && !b.confirm_show_once) {
      throw new ApiError("conflict", "Switching to show_once deletes the stored secret of every key, so none can be revealed again. Send confirm_show_once: true to do it.");
    }
    const { org } = await updateOrgSettings(auth.org.id, {
      requireApiToken: b.require_api_token, allowQueryKeys: b.allow_query_keys, revealPolicy: b.reveal_policy, defaultRateLimitPerHour: b.default_rate_limit_per_hour,
      leakedKeyAction: b.leaked_key_action, maxKeyLifetimeDays: b.max_key_lifetime_days, idleKeyDays: b.idle_key_days,
    }, auth.actor);
    return json(serializeSettings(org));
  },
  { permission: "settings:write" },
);
