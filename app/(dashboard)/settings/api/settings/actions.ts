"use server";
import { revalidatePath } from "next/cache";

import { actorFor } from "@/lib/auth/actor";
import { requireAdmin } from "@/lib/auth/session";
import { ApiError } from "@/lib/http/problem";
import { orgSettingsSchema, updateOrgSettings } from "@/lib/orgs/update-org-settings";
import { applyLifetimePolicy } from "@/lib/keys/apply-lifetime-policy";

export type SettingsState = { ok?: boolean; message?: string; errors?: Partial<Record<"requireApiToken" | "allowQueryKeys" | "revealPolicy" | "defaultRateLimitPerHour" | "maxKeyLifetimeDays" | "idleKeyDays" | "form", string[]>> };

/** An optional whole number of days: empty = none; anything else but digits is a field error. */
function days(fd: FormData, name: "maxKeyLifetimeDays" | "idleKeyDays"): number | null | { error: string } {
  const v = String(fd.get(name) ?? "").trim();
  if (v === "") return null;
  return /^\d{1,5}$/.test(v) ? Number(v) : { error: "Enter a whole number of days, or leave it empty" };
}

/** API settings of the current organization (not the plan): audited by updateOrgSettings. */
export async function updateApiSettingsAction(_prev: SettingsState, fd: FormData): Promise<SettingsState> {
  const m = await requireAdmin();
  const rate = String(fd.get("defaultRateLimitPerHour") ?? "").trim();
  if (!/^\d+$/.test(rate)) return { errors: { defaultRateLimitPerHour: ["Enter a whole number of requests per hour"] } };
  const lifetime = days(fd, "maxKeyLifetimeDays");
  const idle = days(fd, "idleKeyDays");
  if (lifetime !== null && typeof lifetime === "object") return { errors: { maxKeyLifetimeDays: [lifetime.error] } };
  if (idle !== null && typeof idle === "object") return { errors: { idleKeyDays: [idle.error] } };
  const input = {
    maxKeyLifetimeDays: lifetime,
    idleKeyDays: idle,
    requireApiToken: fd.get("requireApiToken") === "on",
    allowQueryKeys: fd.get("allowQueryKeys") === "on",
    revealPolicy: fd.get("revealPolicy"),
    defaultRateLimitPerHour: Number(rate),
    leakedKeyAction: fd.get("leakedKeyAction") ?? undefined,
  };
  const parsed = orgSettingsSchema.safeParse(input);
  if (!parsed.success) {
    const errors: SettingsState["errors"] = {};
    for (const i of parsed.error.issues) {
      const k = (String(i.path[0] ?? "form") as keyof NonNullable<SettingsState["errors"]>) ?? "form";
      (errors[k] ??= []).push(i.message);
    }
    return { errors };
  }
  if (parsed.data.revealPolicy === "show_once" && m.organization.revealPolicy === "reveal" && fd.get("confirmShowOnce") !== "on") {
    return { errors: { revealPolicy: ["Confirm that the stored secrets of every key will be deleted"] } };
  }
  try {
    const { changed, forgotten } = await updateOrgSettings(m.organization.id, parsed.data, await actorFor(m));
    revalidatePath("/settings/api", "layout");
    const note = forgotten ? ` ${forgotten} stored secret${forgotten === 1 ? " was" : "s were"} deleted.` : "";
    return { ok: true, message: changed.length ? `Settings saved.${note}` : "Nothing changed." };
  } catch (e) {
    if (e instanceof ApiError) return { message: e.message };
    throw e;
  }
}


/** The bulk fix: every key beyond the lifetime policy gets the longest expiry it allows (audited per key). */
export async function applyLifetimePolicyAction(_prev: SettingsState, _fd: FormData): Promise<SettingsState> {
  const m = await requireAdmin();
  try {
    const { updated } = await applyLifetimePolicy(m.organization.id, await actorFor(m));
    revalidatePath("/settings/api", "layout");
    return { ok: true, message: updated ? `${updated} key${updated === 1 ? " now expires" : "s now expire"} within the policy.` : "Every key is already within the policy." };
  } catch (e) {
    if (e instanceof ApiError) return { message: e.message };
    throw e;
  }
}
