// Response shapes (CONTRACT.md §4–§5), for the OpenAPI document. The serializers in lib/ produce
// exactly these; lib/openapi/openapi.test.ts checks real answers against them.
import { z } from "zod";
import { ALL_PERMISSIONS, PRESETS } from "@/lib/keys/permissions";
import { problemCodes } from "@/lib/http/problem";
import { roleSchema } from "@/lib/auth/roles";

const ts = z.string().meta({ format: "date-time", example: "2026-11-22T14:03:00.000Z" });

export const articleSchema = z.object({
  id: z.string(), title: z.string(), body: z.string(), category_id: z.string().nullable(),
  visibility: z.enum(["external", "internal"]), published: z.boolean(), created_at: ts, updated_at: ts,
}).meta({ id: "Article" });

export const categorySchema = z.object({
  id: z.string(), name: z.string(), description: z.string(), parent_id: z.string().nullable(), created_at: ts, updated_at: ts,
}).meta({ id: "Category" });

const secretSchema = z.object({
  id: z.string(), start: z.string(), end: z.string(), created_at: ts, expires_at: ts.nullable(),
  last_used_at: ts.nullable(), last_used_ip: z.string().nullable(),
  leaked_at: ts.nullable().meta({ description: "When this secret was found in public (it still works only under leaked_key_action notify)" }),
  retire_when_idle_hours: z.number().int().nullable().meta({ description: "An old secret of a rotation that retires itself after this many hours without a request (expires_at is its 30-day cap)" }),
});

export const keySchema = z.object({
  id: z.string(), name: z.string(), start: z.string().nullable().meta({ example: "kd_a1B2" }), end: z.string().nullable().meta({ example: "x9Z0" }),
  permissions: z.array(z.enum(ALL_PERMISSIONS as [string, ...string[]])), preset: z.enum(PRESETS).nullable(),
  partner_id: z.string().nullable(), expires_at: ts.nullable(), rate_limit_per_hour: z.number().int().nullable(),
  allowed_ips: z.array(z.string()).meta({ description: "Addresses and CIDR ranges requests must come from; empty = any", example: ["203.0.113.0/24"] }),
  disabled: z.boolean().meta({ description: "Paused: requests get 401 disabled_api_key and count no usage" }),
  canary: z.boolean().meta({ description: "A decoy: refused as an unknown key, and every use raises key.canary_used" }),
  leaked_at: ts.nullable().meta({ description: "The latest time one of its secrets was found in public" }),
  leaked_url: z.string().nullable(),
  created_at: ts, created_by: z.object({ type: z.enum(["user", "key", "system"]), id: z.string().nullable(), label: z.string() }),
  last_used_at: ts.nullable(), deleted_at: ts.nullable(), secrets: z.array(secretSchema),
}).meta({ id: "Key" });

export const keyWithSecretSchema = keySchema.extend({ key: z.string().meta({ description: "The secret. Shown only in this answer.", example: "kd_..." }) }).meta({ id: "KeyWithSecret" });

export const meSchema = z.object({
  key: z.object({
    id: z.string(), name: z.string(), prefix: z.string().nullable(), start: z.string().nullable(), end: z.string().nullable(),
    preset: z.enum(PRESETS).nullable(), permissions: z.array(z.string()), partner_id: z.string().nullable(),
    expires_at: ts.nullable(), secret_expires_at: ts.nullable(),
  }),
  organization: z.object({ id: z.string(), slug: z.string(), name: z.string(), plan: z.enum(["free", "starter", "professional"]) }),
  rate_limit: z.object({ limit: z.number().int(), remaining: z.number().int(), reset: z.number().int(), window_seconds: z.number().int() }),
  transport: z.enum(["bearer", "header", "query"]),
}).meta({ id: "Me" });

export const approvalSchema = z.object({
  id: z.string(), title: z.string(), description: z.string(), status: z.enum(["pending", "approved", "rejected"]),
  requester_email: z.string().nullable(), decided_by: z.string().nullable(), comment: z.string().nullable(), created_at: ts, updated_at: ts,
}).meta({ id: "Approval" });

export const deskTokenSchema = z.object({
  id: z.string(), name: z.string(), start: z.string(), expires_at: ts, revoked_at: ts.nullable(), last_used_at: ts.nullable(), created_at: ts,
}).meta({ id: "DeskToken" });

export const memberSchema = z.object({
  user_id: z.string(), email: z.string(), name: z.string(), role: roleSchema, joined_at: ts, last_sign_in_at: ts.nullable(),
});
export const invitationSchema = z.object({
  id: z.string(), email: z.string(), role: roleSchema, expires_at: ts, created_at: ts, accepted_at: ts.nullable(),
}).meta({ id: "Invitation" });
export const teamSchema = z.object({ data: z.array(memberSchema), invitations: z.array(invitationSchema) }).meta({ id: "Team" });

const counts = { success: z.number().int(), client_error: z.number().int(), rate_limited: z.number().int(), server_error: z.number().int() };
export const usageSchema = z.object({
  from: ts, to: ts, key_id: z.string().nullable(), totals: z.object(counts),
  data: z.array(z.object({ key_id: z.string(), hour: ts, ...counts })),
}).meta({ id: "Usage" });

export const webhookSchema = z.object({
  id: z.string(), url: z.string(), description: z.string(), events: z.array(z.string()), enabled: z.boolean(), partner_id: z.string().nullable(),
  paused_reason: z.string().nullable(), failing_since: ts.nullable(),
  previous_secret_expires_at: ts.nullable().meta({ description: "After a rotation, the old secret also signs until then" }),
  created_at: ts, updated_at: ts,
}).meta({ id: "WebhookEndpoint" });

export const webhookWithSecretSchema = webhookSchema.extend({
  secret: z.string().meta({ description: "The signing secret (Standard Webhooks). Shown only in this answer.", example: "whsec_..." }),
}).meta({ id: "WebhookEndpointWithSecret" });

export const webhookDeliverySchema = z.object({
  id: z.string(), endpoint_id: z.string(), event_id: z.string().meta({ description: "Also the webhook-id header" }), event_type: z.string(),
  status: z.enum(["pending", "succeeded", "failed"]), attempts: z.number().int(), next_attempt_at: ts.nullable(), last_attempt_at: ts.nullable(), created_at: ts,
  payload: z.object({ id: z.string(), type: z.string(), created_at: ts, organization: z.object({ id: z.string(), slug: z.string(), name: z.string() }), data: z.object({}).loose() }).nullable().meta({
    description: "What was sent. null when the calling key may not read the event's family (article.* needs articles:read, category.* categories:read, approval.* approvals:read, key.* and partner.* keys:read, webhook.test webhooks:read); payload_redacted then names that permission.",
  }),
  payload_redacted: z.string().nullable().meta({ description: "null when the payload is shown; else the permission the key lacks to see it", example: null }),
  attempt_log: z.array(z.object({
    id: z.string(), at: ts, status_code: z.number().int().nullable(), duration_ms: z.number().int(),
    response_excerpt: z.string().nullable().meta({ description: "At most 1 KB of the answer" }), error: z.string().nullable(),
  })),
}).meta({ id: "WebhookDelivery" });

export const listOf = <T extends z.ZodType>(item: T, id: string) =>
  z.object({ data: z.array(item), page: z.number().int(), per_page: z.number().int(), total: z.number().int() }).meta({ id });

export const problemSchema = z.object({
  type: z.string().meta({ example: "/docs/errors#invalid_api_key" }),
  title: z.string(), status: z.number().int(), detail: z.string(),
  code: z.enum(Object.keys(problemCodes) as [string, ...string[]]),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  required: z.string().optional(), required_plan: z.string().optional(), request_id: z.string().optional(),
}).meta({ id: "Problem", description: "RFC 9457 problem details (application/problem+json)" });

export const partnerSchema = z.object({
  id: z.string(), name: z.string(), email: z.string(), level: z.enum(["read", "write", "read_write"]),
  status: z.enum(["invited", "active", "deleted"]), key_count: z.number().int(), last_activity_at: ts.nullable(),
  claimed_at: ts.nullable(), disabled: z.boolean().meta({ description: "Paused: every key of the partner gets 401 disabled_api_key" }), deleted_at: ts.nullable(), created_at: ts,
}).meta({ id: "Partner" });

const mailOutcome = { mail_status: z.enum(["sent", "failed"]), mail_error: z.string().nullable() };
export const partnerCreatedSchema = z.object({ partner: partnerSchema, key: keySchema, ...mailOutcome }).meta({ id: "PartnerCreated" });
export const partnerKeyCreatedSchema = z.object({ key: keySchema, ...mailOutcome }).meta({ id: "PartnerKeyCreated" });
export const claimResentSchema = z.object({ key_name: z.string(), ...mailOutcome }).meta({ id: "ClaimLinkResent" });
