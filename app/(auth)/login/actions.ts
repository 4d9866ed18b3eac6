"use server";
import { AuthError, CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import { z } from "zod";
import { signIn } from "@/auth";
import { clientIp } from "@/lib/net/client-ip";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { signInSchema } from "@/lib/auth/sign-in-schema";
import { signInRetryAfter } from "@/lib/auth/sign-in-limiter";
import { normalizeEmail } from "@/lib/users/password";

export type LoginState = {
  email?: string;
  error?: string;
  fieldErrors?: { email?: string[]; password?: string[] };
};

const INVALID_CREDENTIALS = "Invalid email or password";

export async function authenticate(_prev: LoginState, formData: FormData): Promise<LoginState> {
  const email = String(formData.get("email") ?? "");
  const parsed = signInSchema.safeParse({ email, password: formData.get("password") ?? "" });
  if (!parsed.success) return { email, fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const redirectTo = safeCallbackUrl(formData.get("callbackUrl"));
  try {
    await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo });
    return {};
  } catch (e) {
    if (e instanceof CredentialsSignin && e.code === "rate_limited") {
      const wait = await signInRetryAfter(normalizeEmail(parsed.data.email), clientIp(await headers()));
      const when = wait > 0 ? `in ${wait} second${wait === 1 ? "" : "s"}` : "in a minute";
      return { email, error: `Too many sign-in attempts. Try again ${when}.` };
    }
    if (e instanceof AuthError) return { email, error: INVALID_CREDENTIALS };
    throw e; // the redirect after a successful sign-in
  }
}
