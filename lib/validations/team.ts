import { z } from "zod";
import { roleSchema } from "@/lib/auth/roles";

export const inviteMemberSchema = z.strictObject({
  email: z.email("Enter a valid email address").max(254, "The address is at most 254 characters"),
  role: roleSchema,
});

export const acceptInvitationSchema = z.object({
  token: z.string().min(10).max(200),
  name: z.string().trim().min(1, "Tell us your name").max(100, "The name is at most 100 characters"),
  password: z.string().min(12, "Use at least 12 characters").max(200, "Use at most 200 characters"),
});

export type InviteMemberInput = z.infer<typeof inviteMemberSchema>;
