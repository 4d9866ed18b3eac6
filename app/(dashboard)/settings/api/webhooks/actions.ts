"use server";
// Server actions of the webhook pages: each one re-checks the role (requireAdmin), validates with the
// API's zod schemas (lib/validations/webhook.ts) and calls one lib/webhooks service with the user as
// the audit actor. A service's ApiError becomes form state (field errors next to their inputs).
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { actorFor } from "@/lib/auth/actor";
import { requireAdmin } from "@/lib/auth/session";
import { ApiError } from "@/lib/http/problem";
import { idSchema } from "@/lib/validations/common";
import { createWebhookSchema, updateWebhookSchema } from "@/lib/validations/webhook";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { deleteWebhook } from "@/lib/webhooks/delete-webhook";
import { resendWebhookDelivery } from "@/lib/webhooks/resend-webhook-delivery";
import { rotateWebhookSecret } from "@/lib/webhooks/rotate-webhook-secret";
import { sendTestWebhook } from "@/lib/webhooks/send-test-webhook";
import { updateWebhook } from "@/lib/webhooks/update-webhook";
import type { WebhookActionState, WebhookField, WebhookFieldErrors, WebhookSecretState } from "./form-state";

const LIST = "/settings/api/webhooks";

function fieldOf(path: readonly PropertyKey[]): WebhookField {
  const p = String(path[0] ?? "");
  if (p === "url" || p === "description" || p === "events") return p;
  if (p === "partner_id") return "partner";
  return "form";
}

function zodErrors(error: z.ZodError): WebhookFieldErrors {
  const out: WebhookFieldErrors = {};
  for (const issue of error.issues) {
    const list = (out[fieldOf(issue.path)] ??= []);
    if (!list.includes(issue.message)) list.push(issue.message);
  }
  return out;
}

/** A service's ApiError as form state; anything else (redirect, forbidden, bugs) propagates. */
function fromApiError(e: unknown): WebhookActionState {
  if (!(e instanceof ApiError)) throw e;
  const list = e.extras.errors as { path: string; message: string }[] | undefined;
  if (list?.length) {
    const errors: WebhookFieldErrors = {};
    for (const x of list) (errors[fieldOf([x.path])] ??= []).push(x.message);
    return { errors };
  }
  return { message: e.message };
}

function idFrom(fd: FormData, name: string, what: string): string {
  const parsed = idSchema.safeParse(fd.get(name));
  if (!parsed.success) throw new ApiError("not_found", `No such ${what}.`);
  return parsed.data;
}

const webhookIdFrom = (fd: FormData) => idFrom(fd, "webhookId", "webhook endpoint");

/** The endpoint form's fields as the API's JSON body (events from the checkbox grid). */
function fieldsFrom(fd: FormData) {
  return {
    url: String(fd.get("url") ?? ""),
    description: String(fd.get("description") ?? ""),
    events: fd.getAll("events").map(String),
  };
}

function refresh(webhookId?: string) {
  revalidatePath(LIST);
  if (webhookId) revalidatePath(`${LIST}/${webhookId}`);
}

/** "Add endpoint": returns the signing secret, the only time it is shown. */
export async function createWebhookAction(_prev: WebhookSecretState, fd: FormData): Promise<WebhookSecretState> {
  const m = await requireAdmin();
  const partner = String(fd.get("partner_id") ?? "");
  const parsed = createWebhookSchema.safeParse({ ...fieldsFrom(fd), partner_id: partner || null });
  if (!parsed.success) return { errors: zodErrors(parsed.error) };
  const v = parsed.data;
  try {
    const { webhook, secret } = await createWebhook(
      m.organization.id,
      { url: v.url, description: v.description, events: v.events, partnerId: v.partner_id ?? null, enabled: v.enabled },
      await actorFor(m),
    );
    // no revalidation: re-rendering the list under the open dialog would lose the secret; the
    // dialog refreshes the page when it closes
    return { ok: true, webhook, secret };
  } catch (e) {
    return fromApiError(e);
  }
}

/** "Edit": URL, description and events. */
export async function updateWebhookAction(_prev: WebhookActionState, fd: FormData): Promise<WebhookActionState> {
  const m = await requireAdmin();
  try {
    const webhookId = webhookIdFrom(fd);
    const parsed = updateWebhookSchema.safeParse(fieldsFrom(fd));
    if (!parsed.success) return { errors: zodErrors(parsed.error) };
    await updateWebhook(m.organization.id, webhookId, parsed.data, await actorFor(m));
    refresh(webhookId);
    return { ok: true, message: "Endpoint updated" };
  } catch (e) {
    return fromApiError(e);
  }
}

/** Pause (enabled=false: no new deliveries are queued) or resume (clears an automatic pause too). */
export async function setWebhookEnabledAction(_prev: WebhookActionState, fd: FormData): Promise<WebhookActionState> {
  const m = await requireAdmin();
  try {
    const webhookId = webhookIdFrom(fd);
    const parsed = updateWebhookSchema.safeParse({ enabled: fd.get("enabled") === "true" });
    if (!parsed.success) return { errors: zodErrors(parsed.error) };
    const w = await updateWebhook(m.organization.id, webhookId, parsed.data, await actorFor(m));
    refresh(webhookId);
    return { ok: true, message: w.enabled ? "Endpoint resumed" : "Endpoint paused" };
  } catch (e) {
    return fromApiError(e);
  }
}

/** A new signing secret, shown once; the previous one keeps signing for 24 hours. */
export async function rotateWebhookSecretAction(_prev: WebhookSecretState, fd: FormData): Promise<WebhookSecretState> {
  const m = await requireAdmin();
  try {
    const webhookId = webhookIdFrom(fd);
    const { webhook, secret } = await rotateWebhookSecret(m.organization.id, webhookId, await actorFor(m));
    // like creation: the page refreshes when the dialog showing the secret closes
    return { ok: true, webhook, secret };
  } catch (e) {
    return fromApiError(e);
  }
}

/** "Send test event": a `webhook.test` delivery to this endpoint only. */
export async function sendTestWebhookAction(_prev: WebhookActionState, fd: FormData): Promise<WebhookActionState> {
  const m = await requireAdmin();
  try {
    const webhookId = webhookIdFrom(fd);
    await sendTestWebhook(m.organization.id, webhookId, await actorFor(m));
    refresh(webhookId);
    return { ok: true, message: "Test event sent" };
  } catch (e) {
    return fromApiError(e);
  }
}

/** "Resend": the same event (same webhook-id) goes out again with a fresh schedule of attempts. */
export async function resendDeliveryAction(_prev: WebhookActionState, fd: FormData): Promise<WebhookActionState> {
  const m = await requireAdmin();
  try {
    const webhookId = webhookIdFrom(fd);
    const deliveryId = idFrom(fd, "deliveryId", "delivery");
    await resendWebhookDelivery(m.organization.id, webhookId, deliveryId, await actorFor(m));
    refresh(webhookId);
    return { ok: true, message: "Delivery queued again" };
  } catch (e) {
    return fromApiError(e);
  }
}

/** Deletes the endpoint with its delivery log; pending deliveries are never sent. */
export async function deleteWebhookAction(_prev: WebhookActionState, fd: FormData): Promise<WebhookActionState> {
  const m = await requireAdmin();
  try {
    await deleteWebhook(m.organization.id, webhookIdFrom(fd), await actorFor(m));
  } catch (e) {
    return fromApiError(e);
  }
  revalidatePath(LIST);
  redirect(`${LIST}?deleted=1`);
}
