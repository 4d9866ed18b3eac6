// The organization switcher: makes another of the user's organizations the current one (a cookie),
// after checking the user is a member there.
import "server-only";
import { cookies } from "next/headers";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { CURRENT_ORG_COOKIE } from "@/lib/auth/current-org";
import { ApiError } from "@/lib/http/problem";

export async function selectOrganization(userId: string, organizationId: string): Promise<void> {
  const membership = await db.membership.findUnique({ where: { userId_organizationId: { userId, organizationId } } });
  if (!membership) throw new ApiError("not_found", "You are not a member of that organization");
  (await cookies()).set(CURRENT_ORG_COOKIE, organizationId, { httpOnly: true, sameSite: "lax", path: "/", maxAge: 365 * 24 * 3600, secure: env.secureCookies });
}
