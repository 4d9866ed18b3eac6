"use server";
import { revalidatePath } from "next/cache";

import { actorFor } from "@/lib/auth/actor";
import { requireAdmin } from "@/lib/auth/session";
import { ApiError } from "@/lib/http/problem";
import { orgSettingsSchema, updateOrgSettings } from "@/lib/orgs/update-org-settings";

export type SettingsState = { ok?: boolean; message?: string; errors?: Partial<Record<"requireApiToken" | "allowQueryKeys" | "revealPolicy" | "defaultRateLimitPerHour" | "form", string[]>> };

/** API settings of the current organization (not the plan): audited by updateOrgSettings. */
export async function updateApiSettingsAction(_prev: SettingsState, fd: FormData): Promise<SettingsState> {
  const m = await requireAdmin();
  const rate = String(fd.get("defaultRateLimitPerHour") ?? "").trim();
  if (!/^\d+$/.test(rate)) return { errors: { defaultRateLimitPerHour: ["Enter a whole number of requests per hour"] } };
  const input = {
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

