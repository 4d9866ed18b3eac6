// One schema per resource: the API routes, the server actions, the CLI and OpenAPI all read these.
import { z } from "zod";
import { keyNameSchema } from "@/lib/validations/key-name";

import { permissionSchema, presetSchema } from "@/lib/keys/permissions";
import { isDate, isoDateTime } from "@/lib/validations/common";
import { MAX_ALLOWED_IPS, normalizeIpEntry } from "@/lib/keys/ip-allowlist";

export const rateLimitSchema = z.number({ error: "Enter a number from 1 to 1,000,000" }).int("Enter a whole number of requests per hour").min(1, "Enter a number from 1 to 1,000,000").max(1_000_000, "Enter a number from 1 to 1,000,000");

/** Up to 100 addresses or CIDR ranges, normalised; an empty list means any address. */
export const allowedIpsSchema = z
  .array(z.string().max(64))
  .max(MAX_ALLOWED_IPS, `At most ${MAX_ALLOWED_IPS} addresses or ranges`)
  .transform((list, ctx) => {
    const out: string[] = [];
    list.forEach((entry, i) => {
      const n = normalizeIpEntry(entry);
      if (n === null) ctx.addIssue({ code: "custom", message: `Not an IP address or CIDR range: ${entry.slice(0, 64)}`, path: [i] });
      else if (!out.includes(n)) out.push(n);
    });
    return out;
  });

/** The fields a key is created with and later changed by (one rule each, shared by create and update). */
const keyFields = {
  name: keyNameSchema.optional(),
  scopes: z.array(presetSchema).min(1).optional(),
  permissions: z.array(permissionSchema).min(1).optional(),
  expires_at: isoDateTime.nullable().optional(),
  rate_limit_per_hour: rateLimitSchema.nullable().optional(),
  allowed_ips: allowedIpsSchema.optional(),
};
const notBoth = (v: { scopes?: unknown; permissions?: unknown }) => !(v.scopes && v.permissions);
const NOT_BOTH = { message: "Give scopes or permissions, not both", path: ["scopes"] };

export const createKeySchema = z
  .strictObject({
    ...keyFields,
    canary: z.boolean().optional().meta({ description: "A decoy key: refused as an unknown key, every use alerts (key.canary_used)" }),
  })
  .refine(notBoth, NOT_BOTH)
  .refine((v) => v.scopes || v.permissions, { message: "Give scopes (read, write, admin) or permissions", path: ["scopes"] })
  .refine((v) => !isDate(v.expires_at) || v.expires_at.getTime() > Date.now(), { message: "expires_at must be in the future", path: ["expires_at"] });

export const updateKeySchema = z
  .strictObject({
    ...keyFields,
    disabled: z.boolean().optional().meta({ description: "Pause (true) or resume (false) the key" }),
  })
  .refine(notBoth, NOT_BOTH);

export const rotateKeySchema = z
  .strictObject({
    old_secret_expires_at: isoDateTime.nullable().optional(),
    old_secret_retire: z.enum(["when_idle"]).optional().meta({ description: "when_idle: the old secret retires itself once it served no request for idle_hours (or after 30 days)" }),
    idle_hours: z.number().int().min(1, "From 1 to 168 hours").max(168, "From 1 to 168 hours").optional(),
  })
  .refine((v) => !(v.old_secret_retire && v.old_secret_expires_at !== undefined), { message: "Give old_secret_expires_at or old_secret_retire, not both", path: ["old_secret_retire"] })
  .refine((v) => v.idle_hours === undefined || v.old_secret_retire === "when_idle", { message: "idle_hours goes with old_secret_retire: when_idle", path: ["idle_hours"] });

export type CreateKeyInput = z.infer<typeof createKeySchema>;
export type UpdateKeyInput = z.infer<typeof updateKeySchema>;
