import { z } from "zod";
import { DEFAULT_KEY_SORT, KEY_SORT_NAMES } from "@/lib/keys/key-sorts";
import { permissionSchema, presetSchema } from "@/lib/keys/permissions";
import { paginationSchema } from "@/lib/validations/common";

export const listKeysQuerySchema = paginationSchema.extend({
  status: z.enum(["active", "deleted", "all"]).default("active"),
  query: z.string().trim().max(100).optional(),
  partner_id: z.string().min(1).max(64).optional(),
  preset: z.union([presetSchema, z.literal("custom")]).optional(),
  permission: permissionSchema.optional(),
  sort: z.enum(KEY_SORT_NAMES).default(DEFAULT_KEY_SORT),
  expires_within_days: z.coerce.number().int().min(1).max(3650).optional().meta({ description: "Keys expiring within this many days, e.g. 14" }),
  canary: z.enum(["true", "false"]).optional().meta({ description: "true lists the decoy keys (listed apart: without it, none)" }),
});
