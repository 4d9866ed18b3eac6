"use server";
// Server actions of the partner pages: each one re-checks the role (requireAdmin), validates with
// the API's zod schemas (lib/validations/partner.ts), calls one lib/partners service with the user
// as the audit actor.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { actorFor } from "@/lib/auth/actor";
import { requireAdmin } from "@/lib/auth/session";
import { ApiError } from "@/lib/http/problem";
import { assertPlanAllows } from "@/lib/keys/create-key";
import { RESOURCES, type Permission } from "@/lib/keys/permissions";
import { resendClaimLink } from "@/lib/partners/claim-links";
import { addPartnerKey, createPartner } from "@/lib/partners/create-partner";
import { deletePartner, restorePartner } from "@/lib/partners/delete-partner";
import { LEVEL_LABELS, LEVEL_PERMISSIONS, type PartnerLevel } from "@/lib/partners/partner-levels";
import { getPartnerOrThrow } from "@/lib/partners/partners";
import { updatePartner } from "@/lib/partners/update-partner";
import { idSchema } from "@/lib/validations/common";
import { addPartnerKeySchema, createPartnerSchema, resendClaimSchema, updatePartnerSchema } from "@/lib/validations/partner";
import { keyInputFromForm } from "@/components/keys/key-form";
import type { NarrowedKey, PartnerActionState, PartnerFieldErrors } from "./form-state";

const LIST = "/settings/api/partners";

function fieldOf(path: PropertyKey[]): keyof PartnerFieldErrors {
  const p = String(path[0] ?? "");
  if (p === "name" || p === "email" || p === "level" || p === "permissions") return p;
  if (p === "expires_at") return "expiry";
  if (p === "rate_limit_per_hour") return "rate_limit";
  return "form";
}

function zodErrors(error: z.ZodError): PartnerFieldErrors {
  const out: PartnerFieldErrors = {};
  for (const issue of error.issues) (out[fieldOf(issue.path)] ??= []).push(issue.message);
  return out;
}

/** A service's ApiError as form state; anything else (redirect, forbidden, bugs) propagates. */
function fromApiError(e: unknown): PartnerActionState {
  if (!(e instanceof ApiError)) throw e;
  const list = e.extras.errors as { path: string; message: string }[] | undefined;
  if (list?.length) {
    const errors: PartnerFieldErrors = {};
    for (const x of list) (errors[fieldOf([x.path])] ??= []).push(x.message);
    return { errors };
  }
  if (e.code === "plan_required") return { errors: { level: [e.message] } };
  return { message: e.message };
}

function partnerIdFrom(fd: FormData): string {
  const parsed = idSchema.safeParse(fd.get("partnerId"));
  if (!parsed.success) throw new ApiError("not_found", "No such partner.");
  return parsed.data;
}

function refresh(partnerId?: string) {
  revalidatePath(LIST);
  if (partnerId) revalidatePath(`${LIST}/${partnerId}`);
}

/** The organization's plan must allow every key of this level (free: none; starter: Read only). */
function planError(plan: Parameters<typeof assertPlanAllows>[0], level: PartnerLevel): PartnerFieldErrors | null {
  try {
    assertPlanAllows(plan, LEVEL_PERMISSIONS[level]);
    return null;
  } catch (e) {
    if (e instanceof ApiError && e.code === "plan_required") {
      return { level: [plan === "free" ? "Partner keys need the starter or professional plan." : `${LEVEL_LABELS[level]} access needs the professional plan.`] };
    }
    throw e;
  }
}

/** "Add partner": the partner, its first key (the level's permissions) and the claim email. */
export async function createPartnerAction(_prev: PartnerActionState, fd: FormData): Promise<PartnerActionState> {
  const m = await requireAdmin();
  const parsed = createPartnerSchema.safeParse({ name: fd.get("name") ?? "", email: String(fd.get("email") ?? "").trim(), level: fd.get("level") ?? undefined });
  if (!parsed.success) return { errors: zodErrors(parsed.error) };
  const planErrors = planError(m.organization.plan, parsed.data.level);
  if (planErrors) return { errors: planErrors };
  try {
    const r = await createPartner(m.organization.id, parsed.data, await actorFor(m));
    refresh(r.partner.id);
    return { ok: true, partnerId: r.partner.id, keyId: r.key.id, mail: { status: r.mail_status as "sent" | "failed", error: r.mail_error, to: r.partner.email } };
  } catch (e) {
    return fromApiError(e);
  }
}

/** "Resend link" (and "Retry" after a failed send): a new link for one key; the old one is void. */
export async function resendLinkAction(_prev: PartnerActionState, fd: FormData): Promise<PartnerActionState> {
  const m = await requireAdmin();
  try {
    const partnerId = partnerIdFrom(fd);
    const keyId = fd.get("keyId");
    const parsed = resendClaimSchema.safeParse(typeof keyId === "string" && keyId ? { key_id: keyId } : {});
    if (!parsed.success) return { errors: zodErrors(parsed.error) };
    const partner = await getPartnerOrThrow(m.organization.id, partnerId);
    const r = await resendClaimLink(m.organization.id, partnerId, parsed.data.key_id, await actorFor(m));
    refresh(partnerId);
    return { ok: true, partnerId, mail: { status: r.mail_status as "sent" | "failed", error: r.mail_error, to: partner.email } };
  } catch (e) {
    return fromApiError(e);
  }
}

/** Permissions from the level-bounded grid: perm_<resource> = none | read | write. */
function permissionsFrom(fd: FormData): Permission[] {
  const out: Permission[] = [];
  for (const r of RESOURCES) {
    const level = fd.get(`perm_${r}`);
    if (level === "read" || level === "write") out.push(`${r}:${level}` as Permission);
  }
  return out;
}

/** "Add key": another key within the partner's level, delivered by its own claim link. */
export async function addPartnerKeyAction(_prev: PartnerActionState, fd: FormData): Promise<PartnerActionState> {
  const m = await requireAdmin();
  try {
    const partnerId = partnerIdFrom(fd);
    const input = keyInputFromForm(fd);
    if ("error" in input) return { errors: { expiry: input.error.expiry, rate_limit: input.error.rate_limit } };
    const permissions = permissionsFrom(fd);
    if (permissions.length === 0) return { errors: { permissions: ["Choose at least one permission"] } };
    const parsed = addPartnerKeySchema.safeParse({
      name: input.name?.trim() ? input.name : undefined,
      permissions,
      expires_at: input.expires_at,
      rate_limit_per_hour: input.rate_limit_per_hour,
    });
    if (!parsed.success) return { errors: zodErrors(parsed.error) };
    const v = parsed.data;
    const partner = await getPartnerOrThrow(m.organization.id, partnerId);
    const planErrors = planError(m.organization.plan, partner.level as PartnerLevel);
    if (planErrors) return { errors: { permissions: planErrors.level } };
    const r = await addPartnerKey(m.organization.id, partnerId, { name: v.name, permissions: v.permissions, expiresAt: v.expires_at ?? null, rateLimitPerHour: v.rate_limit_per_hour ?? null }, await actorFor(m));
    refresh(partnerId);
    return { ok: true, partnerId, keyId: r.key.id, message: `Key “${r.key.name}” added`, mail: { status: r.mail_status as "sent" | "failed", error: r.mail_error, to: partner.email } };
  } catch (e) {
    return fromApiError(e);
  }
}

/** "Edit": the partner's name and contact email (new links go to the new address). */
export async function updatePartnerDetailsAction(_prev: PartnerActionState, fd: FormData): Promise<PartnerActionState> {
  const m = await requireAdmin();
  try {
    const partnerId = partnerIdFrom(fd);
    const parsed = updatePartnerSchema.safeParse({ name: fd.get("name") ?? "", email: String(fd.get("email") ?? "").trim() });
    if (!parsed.success) return { errors: zodErrors(parsed.error) };
    await updatePartner(m.organization.id, partnerId, { name: parsed.data.name, email: parsed.data.email }, await actorFor(m));
    refresh(partnerId);
    return { ok: true, partnerId, message: "Partner updated" };
  } catch (e) {
    return fromApiError(e);
  }
}

/**
 * "Change level". Without narrow_keys the service refuses (409) when keys exceed the new level;
 * that answer becomes the confirmation listing them, and confirming sends narrow_keys.
 */
export async function changeLevelAction(_prev: PartnerActionState, fd: FormData): Promise<PartnerActionState> {
  const m = await requireAdmin();
  try {
    const partnerId = partnerIdFrom(fd);
    const parsed = updatePartnerSchema.safeParse({ level: fd.get("level") ?? undefined, narrow_keys: fd.get("narrow_keys") === "1" });
    if (!parsed.success) return { errors: zodErrors(parsed.error) };
    const level = parsed.data.level;
    if (!level) return { errors: { level: ["Choose a level"] } };
    const planErrors = planError(m.organization.plan, level);
    if (planErrors) return { errors: planErrors };
    try {
      await updatePartner(m.organization.id, partnerId, { level, narrowKeys: parsed.data.narrow_keys }, await actorFor(m));
    } catch (e) {
      if (e instanceof ApiError && e.code === "conflict" && Array.isArray(e.extras.keys_to_narrow)) {
        return { confirmNarrow: { level, keys: e.extras.keys_to_narrow as NarrowedKey[] } };
      }
      throw e;
    }
    refresh(partnerId);
    return { ok: true, partnerId, message: `Level changed to ${LEVEL_LABELS[level]}` };
  } catch (e) {
    return fromApiError(e);
  }
}

/** Deletes the partner and all its keys at once; restorable for 30 days. */
export async function deletePartnerAction(_prev: PartnerActionState, fd: FormData): Promise<PartnerActionState> {
  const m = await requireAdmin();
  let partnerId: string;
  try {
    partnerId = partnerIdFrom(fd);
    await deletePartner(m.organization.id, partnerId, await actorFor(m));
  } catch (e) {
    return fromApiError(e);
  }
  refresh(partnerId);
  redirect(`${LIST}?status=deleted&deleted=${encodeURIComponent(partnerId)}`);
}

/** Within 30 days: the partner and the keys deleted with it work again. */
export async function restorePartnerAction(_prev: PartnerActionState, fd: FormData): Promise<PartnerActionState> {
  const m = await requireAdmin();
  try {
    const partnerId = partnerIdFrom(fd);
    const p = await restorePartner(m.organization.id, partnerId, await actorFor(m));
    refresh(partnerId);
    return { ok: true, partnerId, message: `Restored “${p.name}” and ${p.key_count} key${p.key_count === 1 ? "" : "s"}` };
  } catch (e) {
    return fromApiError(e);
  }
}
