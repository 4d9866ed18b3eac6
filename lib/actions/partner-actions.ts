"use server";
// Server actions of the partner pages, each declared over the one action helper (lib/actions):
// Owner/Admin check, the API's zod schemas (lib/validations/partner.ts), one lib/partners service
// with the user as the audit actor.
import "server-only";
import { redirect } from "next/navigation";
import { z } from "zod";
import { adminAction } from "@/lib/actions/action-client";
import type { NarrowedKey, PartnerActionState } from "@/lib/actions/action-state";
import { FormErrors } from "@/lib/actions/form-errors";
import { ApiError } from "@/lib/http/problem";
import { keyInputFromForm } from "@/lib/keys/key-form";
import { RESOURCES, type Permission } from "@/lib/keys/permissions";
import { addPartnerKey } from "@/lib/partners/add-partner-key";
import { resendClaimLink } from "@/lib/partners/claim-links";
import { createPartner } from "@/lib/partners/create-partner";
import { deletePartner, restorePartner } from "@/lib/partners/delete-partner";
import { LEVEL_LABELS, levelPlanMessage, type PartnerLevel } from "@/lib/partners/partner-levels";
import { updatePartner } from "@/lib/partners/update-partner";
import { mailGoesToOutbox } from "@/lib/mail/send-mail";
import type { PlanName } from "@/lib/keys/permissions";
import { idSchema } from "@/lib/validations/common";
import { addPartnerKeySchema, createPartnerSchema, resendClaimSchema, updatePartnerSchema } from "@/lib/validations/partner";

const LIST = "/settings/api/partners";
const partnerId = z.object({ partnerId: idSchema });
const partnerPaths = ({ partnerId }: { partnerId?: string }) => [LIST, ...(partnerId ? [`${LIST}/${partnerId}`] : [])];
/** The partner forms' fields by API path. */
const PARTNER_FIELDS = { name: "name", email: "email", level: "level", permissions: "permissions", expires_at: "expiry", rate_limit_per_hour: "rate_limit" };
const partnerForm = { fields: PARTNER_FIELDS, planField: "level" };

/** The organization's plan must allow every key of this level (free: none; starter: Read only). */
function assertLevelAllowed(plan: PlanName, level: PartnerLevel) {
  const message = levelPlanMessage(plan, level);
  if (message) throw new FormErrors({ level: [message] });
}

const mailOf = (r: { mail_status: string; mail_error: string | null }, to: string) => ({ status: r.mail_status as "sent" | "failed", error: r.mail_error, to, outbox: mailGoesToOutbox() });

/** "Add partner": the partner, its first key (the level's permissions) and the claim email. */
export const createPartnerAction = adminAction
  .input(createPartnerSchema, { ...partnerForm, from: (fd) => ({ name: fd.get("name") ?? "", email: String(fd.get("email") ?? "").trim(), level: fd.get("level") ?? undefined }) })
  .revalidate(() => [LIST])
  .action<PartnerActionState>(async ({ ctx, input }) => {
    assertLevelAllowed(ctx.m.organization.plan, input.level);
    const r = await createPartner(ctx.m.organization.id, input, ctx.actor);
    return { ok: true, partnerId: r.partner.id, keyId: r.key.id, mail: mailOf(r, r.partner.email) };
  });

/** "Resend link" (and "Retry" after a failed send): a new link for one key; the old one is void. */
export const resendLinkAction = adminAction
  .params(partnerId)
  .input(resendClaimSchema, { ...partnerForm, from: (fd) => (typeof fd.get("keyId") === "string" && fd.get("keyId") ? { key_id: fd.get("keyId") } : {}) })
  .revalidate(partnerPaths)
  .action<PartnerActionState>(async ({ ctx, params, input }) => {
    const r = await resendClaimLink(ctx.m.organization.id, params.partnerId, input.key_id, ctx.actor);
    return { ok: true, partnerId: params.partnerId, mail: mailOf(r, r.email) };
  });

/** Permissions from the level-bounded grid: perm_<resource> = none | read | write. */
function permissionsFrom(fd: FormData): Permission[] {
  const out: Permission[] = [];
  for (const r of RESOURCES) {
    const level = fd.get(`perm_${r}`);
    if (level === "read" || level === "write") out.push(`${r}:${level}` as Permission);
  }
  if (out.length === 0) throw new FormErrors({ permissions: ["Choose at least one permission"] });
  return out;
}

/** "Add key": another key within the partner's level, delivered by its own claim link. */
export const addPartnerKeyAction = adminAction
  .params(partnerId)
  .input(addPartnerKeySchema, {
    ...partnerForm,
    planField: "permissions",
    from: (fd) => {
      const input = keyInputFromForm(fd);
      return { name: input.name?.trim() ? input.name : undefined, permissions: permissionsFrom(fd), expires_at: input.expires_at, rate_limit_per_hour: input.rate_limit_per_hour };
    },
  })
  .revalidate(partnerPaths)
  .action<PartnerActionState>(async ({ ctx, params, input: v }) => {
    // the plan is checked by the service (plan_required → the permissions field)
    const r = await addPartnerKey(ctx.m.organization.id, params.partnerId, { name: v.name, permissions: v.permissions, expiresAt: v.expires_at ?? null, rateLimitPerHour: v.rate_limit_per_hour ?? null }, ctx.actor);
    return { ok: true, partnerId: params.partnerId, keyId: r.key.id, message: `Key “${r.key.name}” added`, mail: mailOf(r, r.email) };
  });

/** "Edit": the partner's name and contact email (new links go to the new address). */
export const updatePartnerDetailsAction = adminAction
  .params(partnerId)
  .input(updatePartnerSchema, { ...partnerForm, from: (fd) => ({ name: fd.get("name") ?? "", email: String(fd.get("email") ?? "").trim() }) })
  .revalidate(partnerPaths)
  .action<PartnerActionState>(async ({ ctx, params, input }) => {
    await updatePartner(ctx.m.organization.id, params.partnerId, { name: input.name, email: input.email }, ctx.actor);
    return { ok: true, partnerId: params.partnerId, message: "Partner updated" };
  });

/**
 * "Change level". Without narrow_keys the service refuses (409) when keys exceed the new level;
 * that answer becomes the confirmation listing them, and confirming sends narrow_keys.
 */
export const changeLevelAction = adminAction
  .params(partnerId)
  .input(updatePartnerSchema, { ...partnerForm, from: (fd) => ({ level: fd.get("level") ?? undefined, narrow_keys: fd.get("narrow_keys") === "1" }) })
  .revalidate(partnerPaths)
  .action<PartnerActionState>(async ({ ctx, params, input }) => {
    const level = input.level;
    if (!level) throw new FormErrors({ level: ["Choose a level"] });
    assertLevelAllowed(ctx.m.organization.plan, level);
    try {
      await updatePartner(ctx.m.organization.id, params.partnerId, { level, narrowKeys: input.narrow_keys }, ctx.actor);
    } catch (e) {
      if (e instanceof ApiError && e.code === "conflict" && Array.isArray(e.extras.keys_to_narrow)) {
        return { confirmNarrow: { level, keys: e.extras.keys_to_narrow as NarrowedKey[] } };
      }
      throw e;
    }
    return { ok: true, partnerId: params.partnerId, message: `Level changed to ${LEVEL_LABELS[level]}` };
  });

/** Deletes the partner and all its keys at once; restorable for 30 days. */
export const deletePartnerAction = adminAction
  .params(partnerId)
  .revalidate(partnerPaths)
  .action<PartnerActionState>(async ({ ctx, params }) => {
    await deletePartner(ctx.m.organization.id, params.partnerId, ctx.actor);
    redirect(`${LIST}?status=deleted&deleted=${encodeURIComponent(params.partnerId)}`);
  });

/** Within 30 days: the partner and the keys deleted with it work again. */
export const restorePartnerAction = adminAction
  .params(partnerId)
  .revalidate(partnerPaths)
  .action<PartnerActionState>(async ({ ctx, params }) => {
    const p = await restorePartner(ctx.m.organization.id, params.partnerId, ctx.actor);
    return { ok: true, partnerId: params.partnerId, message: `Restored “${p.name}” and ${p.key_count} key${p.key_count === 1 ? "" : "s"}` };
  });
