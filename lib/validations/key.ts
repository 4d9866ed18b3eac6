// One schema per resource: the API routes, the server actions, the CLI and OpenAPI all read these.
import { z } from "zod";
import { permissionSchema, presetSchema } from "@/lib/keys/permissions";
import { isDate, isoDateTime } from "@/lib/validations/common";

export const keyNameSchema = z.string().trim().min(1, "Name cannot be empty").max(100, "Name is at most 100 characters");
export const rateLimitSchema = z.number().int().min(1, "At least 1 request per hour").max(1_000_000);

export const createKeySchema = z
  .strictObject({
    name: keyNameSchema.optional(),
    scopes: z.array(presetSchema).min(1).optional(),
    permissions: z.array(permissionSchema).min(1).optional(),
    expires_at: isoDateTime.nullable().optional(),
    rate_limit_per_hour: rateLimitSchema.nullable().optional(),
  })
  .refine((v) => !(v.scopes && v.permissions), { message: "Give scopes or permissions, not both", path: ["scopes"] })
  .refine((v) => v.scopes || v.permissions, { message: "Give scopes (read, write, admin) or permissions", path: ["scopes"] })
  .refine((v) => !isDate(v.expires_at) || v.expires_at.getTime() > Date.now(), { message: "expires_at must be in the future", path: ["expires_at"] });

export const updateKeySchema = z
  .strictObject({
    name: keyNameSchema.optional(),
    scopes: z.array(presetSchema).min(1).optional(),
    permissions: z.array(permissionSchema).min(1).optional(),
    expires_at: isoDateTime.nullable().optional(),
    rate_limit_per_hour: rateLimitSchema.nullable().optional(),
  })
  .refine((v) => !(v.scopes && v.permissions), { message: "Give scopes or permissions, not both", path: ["scopes"] });

export const rotateKeySchema = z.strictObject({
  old_secret_expires_at: isoDateTime.nullable().optional(),
});

export type CreateKeyInput = z.infer<typeof createKeySchema>;
export type UpdateKeyInput = z.infer<typeof updateKeySchema>;
