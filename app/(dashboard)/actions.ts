"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { signOut } from "@/auth";
import { db } from "@/lib/db";
import { CURRENT_ORG_COOKIE } from "@/lib/auth/current-org";
import { env } from "@/lib/env";
import { requireMembership } from "@/lib/auth/session";

/** Makes another of the user's organizations the current one (membership verified). */
export async function switchOrganization(organizationId: string) {
  const m = await requireMembership();
  if (typeof organizationId !== "string") return { error: "Unknown organization" };
  const membership = await db.membership.findUnique({ where: { userId_organizationId: { userId: m.user.id, organizationId } } });
  if (!membership) return { error: "You are not a member of that organization" };
  (await cookies()).set(CURRENT_ORG_COOKIE, organizationId, { httpOnly: true, sameSite: "lax", path: "/", maxAge: 365 * 24 * 3600, secure: env.secureCookies });
  redirect("/settings/api");
}

export async function signOutAction() {
  await signOut({ redirectTo: "/login" });
}
