// The data access layer for the signed-in user: one session and one membership lookup per request
// (React cache), and the role checks every page and server action calls itself.
import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { auth } from "@/auth";
import { db } from "@/lib/db";
import type { CachedOrg } from "@/lib/keys/key-cache";
import { CURRENT_ORG_COOKIE } from "@/lib/auth/current-org";
import { liveSessionSelect, sessionIsLive } from "@/lib/auth/sign-in-sessions";

import { isAdminRole, type Role } from "@/lib/auth/roles";

export type CurrentMembership = {
  user: { id: string; email: string; name: string };
  organization: CachedOrg;
  role: Role;
  /** Every organization the user belongs to, for the switcher. */
  memberships: { organizationId: string; name: string; slug: string; role: Role }[];
};

/** The Auth.js session (JWT), once per request. */
export const getSession = cache(async () => auth());

/**
 * The user, their current organization and role, or null when signed out (or the user no longer
 * exists, or belongs to no organization). The current organization is the one the cookie names if
 * the user is a member there, else their first membership.
 */
export const getCurrentMembership = cache(async (): Promise<CurrentMembership | null> => {
  const session = await getSession();
  const userId = session?.user?.id;
  if (!userId) return null;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      memberships: { include: { organization: true }, orderBy: { createdAt: "asc" } },
      ...liveSessionSelect(session),
    },
  });
  // a session ended elsewhere (signed out everywhere, password changed): clear the cookie, then sign in
  if (user && !sessionIsLive(user, session)) redirect("/session-ended");
  if (!user || user.memberships.length === 0) return null;
  const wanted = (await cookies()).get(CURRENT_ORG_COOKIE)?.value;
  const current = user.memberships.find((m) => m.organizationId === wanted) ?? user.memberships[0]!;
  const o = current.organization;
  return {
    user: { id: user.id, email: user.email, name: user.name },
    organization: {
      id: o.id, slug: o.slug, name: o.name, plan: o.plan, requireApiToken: o.requireApiToken,
      allowQueryKeys: o.allowQueryKeys, defaultRateLimitPerHour: o.defaultRateLimitPerHour, revealPolicy: o.revealPolicy, leakedKeyAction: o.leakedKeyAction,
    },
    role: current.role,
    memberships: user.memberships.map((m) => ({ organizationId: m.organizationId, name: m.organization.name, slug: m.organization.slug, role: m.role })),
  };
});

/** Whether the browser holds a session cookie whose session was ended elsewhere (app/(auth)/session-ended). */
export async function sessionWasEnded(): Promise<boolean> {
  const session = await getSession();
  const userId = session?.user?.id;
  if (!userId) return false;
  const user = await db.user.findUnique({ where: { id: userId }, select: liveSessionSelect(session) });
  return Boolean(user && !sessionIsLive(user, session));
}


/** Signed in with a membership, or sent to /login (the proxy normally got there first). */
export async function requireMembership(): Promise<CurrentMembership> {
  const m = await getCurrentMembership();
  if (!m) {
    const session = await getSession();
    // signed in but in no organization: nothing to show; a 403 says so rather than a login loop
    if (session?.user?.id) forbidden();
    redirect("/login");
  }
  return m;
}

/** Owner or Admin of the current organization; anyone else gets the 403 page (app/forbidden.tsx). */
export async function requireAdmin(): Promise<CurrentMembership> {
  const m = await requireMembership();
  if (!isAdminRole(m.role)) forbidden();
  return m;
}

/** The owners of an organization: who an Agent should ask for access. */
export async function getOrganizationOwners(organizationId: string) {
  const rows = await db.membership.findMany({
    where: { organizationId, role: "owner" },
    include: { user: { select: { name: true, email: true } } },
    orderBy: { createdAt: "asc" },
    take: 10,
  });
  return rows.map((r) => ({ name: r.user.name, email: r.user.email }));
}
