"use server";
// The profile page: desk tokens, the password, and the user's other sessions. Any member, for
// themselves only (every service takes the signed-in user's own id).
import { z } from "zod";
import { memberAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { getSession } from "@/lib/auth/session";
import { mintDeskToken } from "@/lib/desk-tokens/mint-desk-token";
import { revokeDeskToken } from "@/lib/desk-tokens/revoke-desk-token";
import { changePassword, signOutOtherSessions } from "@/lib/users/change-password";
import { idSchema } from "@/lib/validations/common";
import { mintDeskTokenSchema } from "@/lib/validations/desk-token";
import { newPasswordSchema } from "@/lib/validations/password";

export type MintState = ActionState & { token?: string; expiresAt?: string };

export const mintDeskTokenAction = memberAction
  .input(mintDeskTokenSchema, { from: (fd) => ({ name: fd.get("name") || undefined, expires_in_hours: Number(fd.get("expires_in_hours")) }) })
  .revalidate(() => ["/profile"])
  .action<MintState>(async ({ ctx, input }) => {
    const { token, deskToken } = await mintDeskToken(ctx.m.organization.id, ctx.m.user.id, { name: input.name, expiresInHours: input.expires_in_hours }, ctx.actor);
    return { ok: true, token, expiresAt: deskToken.expires_at };
  });

export const revokeDeskTokenAction = memberAction
  .input(idSchema)
  .revalidate(() => ["/profile"])
  .call(async ({ ctx, input }) => {
    await revokeDeskToken(ctx.m.organization.id, ctx.m.user.id, input, ctx.actor);
    return { ok: true };
  });

/** The current password, then the new one twice; the other sessions end, this one stays. */
export const changePasswordAction = memberAction
  .input(newPasswordSchema, { from: (fd) => ({ password: fd.get("password"), confirm: fd.get("confirm") }) })
  .revalidate(() => ["/profile"])
  .action<ActionState>(async ({ ctx, input, fd }) => {
    const current = z.string().max(1024).safeParse(fd.get("current"));
    const { sessionsEnded } = await changePassword(ctx.m.user.id, { current: current.success ? current.data : "", next: input.password }, await currentSid(), ctx.actor);
    return { ok: true, message: `Password changed.${sessionsEnded ? ` ${sessionsEnded} other session${sessionsEnded === 1 ? " was" : "s were"} signed out.` : ""}` };
  });

export const signOutOtherSessionsAction = memberAction
  .revalidate(() => ["/profile"])
  .action<ActionState>(async ({ ctx }) => {
    const { sessionsEnded } = await signOutOtherSessions(ctx.m.user.id, await currentSid(), ctx.actor);
    return { ok: true, message: sessionsEnded ? `Signed out of ${sessionsEnded} other session${sessionsEnded === 1 ? "" : "s"}.` : "No other session was signed in." };
  });

async function currentSid(): Promise<string | null> {
  return (await getSession())?.sid ?? null;
}
