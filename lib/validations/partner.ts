import { z } from "zod";
import { partnerLevelSchema } from "@/lib/partners/partner-levels";
import { permissionSchema } from "@/lib/keys/permissions";
import { isoDateTime, paginationSchema } from "@/lib/validations/common";
import { rateLimitSchema } from "@/lib/validations/key";


export const createPartnerSchema = z.strictObject({
  name: z.string().trim().min(1, "Name cannot be empty").max(100, "The name is at most 100 characters"),
  email: z.email("Enter a valid email address").max(254, "The address is at most 254 characters"),
  level: partnerLevelSchema,
});

export const updatePartnerSchema = z
  .strictObject({
    name: z.string().trim().min(1, "Name cannot be empty").max(100, "The name is at most 100 characters"),
    email: z.email("Enter a valid email address").max(254, "The address is at most 254 characters"),
    level: partnerLevelSchema,
    /** Confirms that keys beyond the new level may be narrowed (the API's form of the UI's confirmation). */
    narrow_keys: z.boolean(),
    /** Pause (true) or resume (false) the partner and with it every key of the partner. */
    disabled: z.boolean(),
  })
  .partial();

export const addPartnerKeySchema = z.strictObject({
  name: z.string().trim().min(1, "Name cannot be empty").max(100, "The name is at most 100 characters").optional(),
  permissions: z.array(permissionSchema).min(1, "Choose at least one permission").optional(),
  expires_at: isoDateTime.nullable().optional(),
  rate_limit_per_hour: rateLimitSchema.nullable().optional(),
});

export const resendClaimSchema = z.strictObject({ key_id: z.string().min(1).max(64).optional() });

export const listPartnersQuerySchema = paginationSchema.extend({
  status: z.enum(["active", "deleted", "all"]).default("active"),
});
