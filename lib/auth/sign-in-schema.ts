import { z } from "zod";

export const signInSchema = z.object({
  email: z.string().trim().min(1, "Enter your email address").max(320).email("Enter a valid email address"),
  password: z.string().min(1, "Enter your password").max(1024),
});

export type SignInInput = z.infer<typeof signInSchema>;
