"use server";
// The header's actions: switch organization (members only, membership checked), sign out.
import { redirect } from "next/navigation";
import { z } from "zod";
import { signOut } from "@/auth";
import { memberAction, publicAction } from "@/lib/actions/action-client";
import { selectOrganization } from "@/lib/auth/select-organization";

/** Makes another of the user's organizations the current one. */
export const switchOrganization = memberAction.input(z.string().max(64)).call(async ({ ctx, input }) => {
  await selectOrganization(ctx.m.user.id, input);
  redirect("/settings/api");
});

export const signOutAction = publicAction.input(z.void()).call(async () => {
  await signOut({ redirectTo: "/login" });
});
