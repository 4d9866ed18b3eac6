import { z } from "zod";
import { roleSchema } from "@/lib/auth/roles";

export const inviteMemberSchema = z.strictObject({
  email: z.email().max(254),
  role: roleSchema,
});

export const acceptInvitationSchema = z.object({
  token: z.string().min(10).max(200),
  name: z.string().trim().min(1, "Tell us your name").max(100),
  password: z.string().min(12, "At least 12 characters").max(200),
});

export type InviteMemberInput = z.infer<typeof inviteMemberSchema>;
