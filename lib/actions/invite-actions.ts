"use server";
// The invitation page: set a password (or confirm an existing account's), join, and sign in.
import { signIn } from "@/auth";
import { publicAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { acceptInvitation } from "@/lib/team/accept-invitation";
import { acceptInvitationSchema } from "@/lib/validations/team";

export const acceptInvitationAction = publicAction
  .input(acceptInvitationSchema, { from: (fd) => ({ token: fd.get("token"), name: fd.get("name") || "Member", password: fd.get("password") }), fields: { name: "name", password: "password" } })
  .action<ActionState>(async ({ ctx, input }) => {
    const { email } = await acceptInvitation(input.token, input, ctx);
    await signIn("credentials", { email, password: input.password, redirectTo: "/" });
    return {};
  });

