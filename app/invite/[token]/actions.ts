"use server";
import { headers } from "next/headers";
import { z } from "zod";
import { signIn } from "@/auth";
import { clientIp } from "@/lib/net/client-ip";
import { ApiError } from "@/lib/http/problem";
import { acceptInvitation } from "@/lib/team/team";
import { acceptInvitationSchema } from "@/lib/validations/team";

export type AcceptState = { error?: string; fieldErrors?: Record<string, string[]> } | null;

/** Sets the password (or checks an existing one), joins, and signs the new member in. */
export async function acceptInvitationAction(_: AcceptState, form: FormData): Promise<AcceptState> {
  const parsed = acceptInvitationSchema.safeParse({ token: form.get("token"), name: form.get("name") || "Member", password: form.get("password") });
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> };
  const h = await headers();
  let email: string;
  try {
    ({ email } = await acceptInvitation(parsed.data.token, parsed.data, { ip: clientIp(h), userAgent: h.get("user-agent") }));
  } catch (e) {
    if (e instanceof ApiError) return e.code === "invalid_request" ? { fieldErrors: { password: [e.message] } } : { error: e.message };
    throw e;
  }
  await signIn("credentials", { email, password: parsed.data.password, redirectTo: "/" });
  return null;
}
