// One schema per resource: the webhooks API, the dashboard's server actions and OpenAPI read these.
import { z } from "zod";
import { paginationSchema } from "@/lib/validations/common";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/event-types";

export const webhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES);
const url = z.string().trim().max(2048, "The URL is at most 2048 characters").pipe(z.url({ protocol: /^https?$/, message: "Give an http(s) URL" }));
const description = z.string().trim().max(500, "The description is at most 500 characters");
const events = z.array(webhookEventTypeSchema).min(1, "Choose at least one event").transform((v) => [...new Set(v)]);

export const createWebhookSchema = z.strictObject({
  url,
  description: description.default(""),
  events,
  partner_id: z.string().min(1).max(64).nullable().optional(),
  enabled: z.boolean().default(true),
});

// The update schema is the create schema's fields, all optional, without defaults and without the partner.
export const updateWebhookSchema = z
  .strictObject({ url, description, events, enabled: z.boolean() })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "Give at least one field to change" });

export const listWebhooksQuerySchema = paginationSchema;
export const listDeliveriesQuerySchema = paginationSchema.extend({ status: z.enum(["pending", "succeeded", "failed"]).optional() });

export type CreateWebhookInput = z.infer<typeof createWebhookSchema>;
export type UpdateWebhookInput = z.infer<typeof updateWebhookSchema>;
