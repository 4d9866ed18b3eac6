import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/audit/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { ApiError } from "@/lib/http/problem";
import { invalidateOrg } from "@/lib/changes/announce-changes";
import { recordChange } from "@/lib/changes/record-change";
import { PLANS } from "@/lib/keys/permissions";
import { settingFields } from "@/lib/validations/settings";
import { lockOrg } from "@/lib/orgs/lock-org";

/** The organization's plan and API settings; every field optional, unknown fields refused. */
export const orgSettingsSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    plan: z.enum(PLANS),
    ...settingFields,
  })
  .partial()
  .strict();

export type OrgSettings = z.infer<typeof orgSettingsSchema>;

const FIELDS = ["name", "plan", "requireApiToken", "allowQueryKeys", "defaultRateLimitPerHour", "revealPolicy", "leakedKeyAction", "maxKeyLifetimeDays", "idleKeyDays"] as const;

/**
 * Changes settings in one transaction with an "org.settings_updated" audit event (before/after of
 * the changed fields). Switching to show_once forgets every stored ciphertext of the organization's
 * keys: from then on no secret can be revealed, including older ones.
 */
export async function updateOrgSettings(organizationId: string, input: OrgSettings, actor: Actor) {
  const parsed = orgSettingsSchema.safeParse(input);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    throw new ApiError("invalid_request", `Invalid settings: ${errors.map((e) => `${e.path || "(root)"}: ${e.message}`).join("; ")}`, { errors });
  }
  const patch = parsed.data;
  const result = await db.$transaction(async (tx) => {
    // write lock first: on SQLite a read-then-write transaction fails at once (SQLITE_BUSY) when
    // another process wrote in between, instead of waiting its turn
    await lockOrg(tx, organizationId);
    const before = await tx.organization.findUniqueOrThrow({ where: { id: organizationId } });
    const changed = FIELDS.filter((f) => patch[f] !== undefined && patch[f] !== before[f]);
    if (changed.length === 0) return { org: before, changed, forgotten: 0 };
    const org = await tx.organization.update({ where: { id: organizationId }, data: Object.fromEntries(changed.map((f) => [f, patch[f]])) });
    let forgotten = 0;
    if (changed.includes("revealPolicy") && org.revealPolicy === "show_once") {
      const r = await tx.apiKeySecret.updateMany({ where: { key: { organizationId }, ciphertext: { not: null } }, data: { ciphertext: null } });
      forgotten = r.count;
    }
    await recordAuditEvent(tx, {
      organizationId, actor, action: "org.settings_updated", targetType: "organization", targetId: organizationId,
      metadata: {
        before: Object.fromEntries(changed.map((f) => [f, before[f]])),
        after: Object.fromEntries(changed.map((f) => [f, org[f]])),
        ...(forgotten ? { ciphertexts_deleted: forgotten } : {}),
      },
    });
    await recordChange(tx, "org", organizationId);
    return { org, changed, forgotten };
  });
  if (result.changed.length) invalidateOrg(organizationId);
  return result;
}
