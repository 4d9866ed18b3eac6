"use server";
// Signing in (email + password, or SSO) and the forgot-password flow: no session needed, so no
// role check; the sign-in limiter and the reset limits guard them instead.
import { AuthError, CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signIn } from "@/auth";
import { publicAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { OIDC_PROVIDER_ID } from "@/lib/auth/oidc";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { signInSchema } from "@/lib/auth/sign-in-schema";
import { signInRetryAfter } from "@/lib/auth/sign-in-limiter";
import { tryAgainIn } from "@/lib/http/try-again";
import { log } from "@/lib/log";
import { requestPasswordReset, resetPassword } from "@/lib/users/password-reset";
import { newPasswordSchema } from "@/lib/validations/password";
import { normalizeEmail } from "@/lib/users/password";

const INVALID_CREDENTIALS = "Invalid email or password";

export const authenticate = publicAction
  .input(signInSchema, { from: (fd) => ({ email: String(fd.get("email") ?? ""), password: fd.get("password") ?? "" }) })
  .action<ActionState>(async ({ ctx, input, fd }) => {
    try {
      await signIn("credentials", { email: input.email, password: input.password, redirectTo: safeCallbackUrl(fd.get("callbackUrl")) });
      return {};
    } catch (e) {
      if (e instanceof CredentialsSignin && e.code === "rate_limited") {
        const wait = await signInRetryAfter(normalizeEmail(input.email), ctx.ip);
        return { message: `Too many sign-in attempts. ${tryAgainIn(wait > 0 ? wait : 60)}` };
      }
      if (e instanceof AuthError) return { message: INVALID_CREDENTIALS };
      throw e; // the redirect after a successful sign-in
    }
  });

/** "Sign in with SSO" (shown only when KEYDESK_OIDC_* are set). */
export const ssoSignInAction = publicAction
  .input(z.object({ callbackUrl: z.string().max(2048).optional() }), { from: (fd) => ({ callbackUrl: String(fd.get("callbackUrl") ?? "") }) })
  .action<ActionState>(async ({ input }) => {
    await signIn(OIDC_PROVIDER_ID, { redirectTo: safeCallbackUrl(input.callbackUrl) });
    return {};
  });

/** "Forgot password": the same answer whether or not the address has an account; the mail goes after it. */
export const requestPasswordResetAction = publicAction
  .input(z.object({ email: z.string().trim().email("Enter a valid email address").max(254) }), { from: (fd) => ({ email: String(fd.get("email") ?? "") }) })
  .action<ActionState>(async ({ ctx, input }) => {
    // not awaited: how long the answer takes must not tell whether the address has an account
    void requestPasswordReset(input.email, { ip: ctx.ip }).catch((e: unknown) => log.error({ err: e }, "password reset mail failed"));
    return { ok: true, message: `If ${input.email} has a Keydesk account, a link to choose a new password is on its way. It works once, for one hour.` };
  });

/** The link's page: the new password, twice; then every session ends and the user signs in anew. */
export const resetPasswordAction = publicAction
  .params(z.object({ token: z.string().min(1).max(200) }))
  .input(newPasswordSchema, { from: (fd) => ({ password: fd.get("password"), confirm: fd.get("confirm") }) })
  .action<ActionState>(async ({ ctx, params, input }) => {
    await resetPassword(params.token, input.password, ctx);
    redirect("/login?reset=1");
  });
