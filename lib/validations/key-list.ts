import { z } from "zod";
import { permissionSchema, presetSchema } from "@/lib/keys/permissions";
import { paginationSchema } from "@/lib/validations/common";

export const listKeysQuerySchema = paginationSchema.extend({
  status: z.enum(["active", "deleted", "all"]).default("active"),
  query: z.string().trim().max(100).optional(),
  partner_id: z.string().min(1).max(64).optional(),
  preset: z.union([presetSchema, z.literal("custom")]).optional(),
  permission: permissionSchema.optional(),
  sort: z.enum(["created_desc", "created_asc", "name_asc", "last_used_desc"]).default("created_desc"),
  expires_within_days: z.coerce.number().int().min(1).max(3650).optional().meta({ description: "Keys expiring within this many days, e.g. 14" }),
  canary: z.enum(["true", "false"]).optional().meta({ description: "true lists the decoy keys (listed apart: without it, none)" }),
});
