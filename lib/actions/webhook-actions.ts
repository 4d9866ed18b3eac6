"use server";
// Server actions of the webhook pages, each declared over the one action helper (lib/actions):
// Owner/Admin check, the API's zod schemas (lib/validations/webhook.ts), one lib/webhooks service
// with the user as the audit actor.
import { redirect } from "next/navigation";
import { z } from "zod";
import { adminAction } from "@/lib/actions/action-client";
import type { ActionState, WebhookSecretState, WebhookTestState } from "@/lib/actions/action-state";
import { idSchema } from "@/lib/validations/common";
import { createWebhookSchema, updateWebhookSchema } from "@/lib/validations/webhook";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { deleteWebhook } from "@/lib/webhooks/delete-webhook";
import { resendWebhookDelivery } from "@/lib/webhooks/resend-webhook-delivery";
import { rotateWebhookSecret } from "@/lib/webhooks/rotate-webhook-secret";
import { sendTestWebhook } from "@/lib/webhooks/send-test-webhook";
import { updateWebhook } from "@/lib/webhooks/update-webhook";

const LIST = "/settings/api/webhooks";
const webhookId = z.object({ webhookId: idSchema });
const webhookPaths = ({ webhookId }: { webhookId: string }) => [LIST, `${LIST}/${webhookId}`];
const ENDPOINT_FIELDS = { url: "url", description: "description", events: "events", partner_id: "partner" };

/** The endpoint form's fields as the API's JSON body (events from the checkbox grid). */
function fieldsFrom(fd: FormData) {
  return { url: String(fd.get("url") ?? ""), description: String(fd.get("description") ?? ""), events: fd.getAll("events").map(String) };
}

/** "Add endpoint": returns the signing secret, the only time it is shown. */
export const createWebhookAction = adminAction
  .input(createWebhookSchema, { fields: ENDPOINT_FIELDS, from: (fd) => ({ ...fieldsFrom(fd), partner_id: String(fd.get("partner_id") ?? "") || null }) })
  // no revalidation: re-rendering the list under the open dialog would lose the secret; the
  // dialog refreshes the page when it closes
  .action<WebhookSecretState>(async ({ ctx, input: v }) => {
    const { webhook, secret } = await createWebhook(ctx.m.organization.id, { url: v.url, description: v.description, events: v.events, partnerId: v.partner_id ?? null, enabled: v.enabled }, ctx.actor);
    return { ok: true, webhook, secret };
  });

/** "Edit": URL, description and events. */
export const updateWebhookAction = adminAction
  .params(webhookId)
  .input(updateWebhookSchema, { fields: ENDPOINT_FIELDS, from: fieldsFrom })
  .revalidate(webhookPaths)
  .action<ActionState>(async ({ ctx, params, input }) => {
    await updateWebhook(ctx.m.organization.id, params.webhookId, input, ctx.actor);
    return { ok: true, message: "Endpoint updated" };
  });

/** Pause (enabled=false: no new deliveries are queued) or resume (clears an automatic pause too). */
export const setWebhookEnabledAction = adminAction
  .params(webhookId)
  .input(updateWebhookSchema, { fields: ENDPOINT_FIELDS, from: (fd) => ({ enabled: fd.get("enabled") === "true" }) })
  .revalidate(webhookPaths)
  .action<ActionState>(async ({ ctx, params, input }) => {
    const w = await updateWebhook(ctx.m.organization.id, params.webhookId, input, ctx.actor);
    return { ok: true, message: w.enabled ? "Endpoint resumed" : "Endpoint paused" };
  });

/** A new signing secret, shown once; the previous one keeps signing for 24 hours. */
export const rotateWebhookSecretAction = adminAction
  .params(webhookId)
  // like creation: the page refreshes when the dialog showing the secret closes
  .action<WebhookSecretState>(async ({ ctx, params }) => {
    const { webhook, secret } = await rotateWebhookSecret(ctx.m.organization.id, params.webhookId, ctx.actor);
    return { ok: true, webhook, secret };
  });

/** "Send test event": sent now, once; the answer (status, time, response excerpt) is shown beside the button. */
export const sendTestWebhookAction = adminAction
  .params(webhookId)
  .revalidate(webhookPaths)
  .action<WebhookTestState>(async ({ ctx, params }) => {
    const d = await sendTestWebhook(ctx.m.organization.id, params.webhookId, ctx.actor);
    const attempt = d.attempt_log.at(-1) ?? null;
    const delivered = d.status === "succeeded";
    const answer = attempt?.status_code ? `HTTP ${attempt.status_code}` : (attempt?.error ?? "no answer");
    return { ok: true, message: delivered ? `Test event delivered: ${answer}` : `Test event not delivered: ${answer}`, test: { delivered, attempt } };
  });

/** "Resend": the same event (same webhook-id) goes out again with a fresh schedule of attempts. */
export const resendDeliveryAction = adminAction
  .params(webhookId.extend({ deliveryId: idSchema }))
  .revalidate(webhookPaths)
  .action<ActionState>(async ({ ctx, params }) => {
    await resendWebhookDelivery(ctx.m.organization.id, params.webhookId, params.deliveryId, ctx.actor);
    return { ok: true, message: "Delivery queued again" };
  });

/** Deletes the endpoint with its delivery log; pending deliveries are never sent. */
export const deleteWebhookAction = adminAction
  .params(webhookId)
  .revalidate(() => [LIST])
  .action<ActionState>(async ({ ctx, params }) => {
    await deleteWebhook(ctx.m.organization.id, params.webhookId, ctx.actor);
    redirect(`${LIST}?deleted=1`);
  });
