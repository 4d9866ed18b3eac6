// A new password, typed twice: the reset page and the profile's "Change password" share it.
import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "@/lib/users/password";

export const newPasswordSchema = z
  .object({
    password: z.string().min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`).max(1024, "Use at most 1,024 characters"),
    confirm: z.string().max(1024),
  })
  .refine((v) => v.password === v.confirm, { message: "The two passwords differ", path: ["confirm"] });
