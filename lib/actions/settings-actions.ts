"use server";
// The organization's API settings (not the plan) and the lifetime policy's bulk fix: Owners and
// Admins; audited by the services.
import { adminAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { FormErrors } from "@/lib/actions/form-errors";
import { applyLifetimePolicy } from "@/lib/keys/apply-lifetime-policy";
import { orgSettingsSchema, updateOrgSettings } from "@/lib/orgs/update-org-settings";

export type SettingsState = ActionState;

/** An optional whole number (empty: none); anything else but digits is that field's error. */
function wholeNumber(fd: FormData, name: string, message: string, optional: boolean): number | null {
  const v = String(fd.get(name) ?? "").trim();
  if (v === "" && optional) return null;
  if (!/^\d{1,12}$/.test(v)) throw new FormErrors({ [name]: [message] });
  return Number(v);
}

function settingsFrom(fd: FormData) {
  return {
    defaultRateLimitPerHour: wholeNumber(fd, "defaultRateLimitPerHour", "Enter a whole number of requests per hour", false),
    maxKeyLifetimeDays: wholeNumber(fd, "maxKeyLifetimeDays", "Enter a whole number of days, or leave it empty", true),
    idleKeyDays: wholeNumber(fd, "idleKeyDays", "Enter a whole number of days, or leave it empty", true),
    requireApiToken: fd.get("requireApiToken") === "on",
    allowQueryKeys: fd.get("allowQueryKeys") === "on",
    revealPolicy: fd.get("revealPolicy"),
    leakedKeyAction: fd.get("leakedKeyAction") ?? undefined,
  };
}

export const updateApiSettingsAction = adminAction
  .input(orgSettingsSchema, { from: settingsFrom })
  .revalidate(() => [["/settings/api", "layout"]])
  .action<SettingsState>(async ({ ctx, input, fd }) => {
    if (input.revealPolicy === "show_once" && ctx.m.organization.revealPolicy === "reveal" && fd.get("confirmShowOnce") !== "on") {
      throw new FormErrors({ revealPolicy: ["Confirm that the stored secrets of every key will be deleted"] });
    }
    const { changed, forgotten } = await updateOrgSettings(ctx.m.organization.id, input, ctx.actor);
    const note = forgotten ? ` ${forgotten} stored secret${forgotten === 1 ? " was" : "s were"} deleted.` : "";
    return { ok: true, message: changed.length ? `Settings saved.${note}` : "Nothing changed." };
  });

/** The bulk fix: every key beyond the lifetime policy gets the longest expiry it allows (audited per key). */
export const applyLifetimePolicyAction = adminAction
  .revalidate(() => [["/settings/api", "layout"]])
  .action<SettingsState>(async ({ ctx }) => {
    const { updated } = await applyLifetimePolicy(ctx.m.organization.id, ctx.actor);
    return { ok: true, message: updated ? `${updated} key${updated === 1 ? " now expires" : "s now expire"} within the policy.` : "Every key is already within the policy." };
  });
