// Sign-in with any OpenID Connect provider, configured by environment. A user signing in by SSO is
// matched by verified email to an existing membership; unknown emails are refused (no sign-up).
import "server-only";
import type { Account, Profile, User } from "next-auth";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { normalizeEmail } from "@/lib/users/password";

export const OIDC_PROVIDER_ID = "oidc";
export const SSO_REFUSED_PATH = "/login/sso-refused";

export function oidcProviders() {
  const s = env.oidc;
  if (!s) return [];
  return [
    {
      id: OIDC_PROVIDER_ID,
      name: s.name,
      type: "oidc" as const,
      issuer: s.issuer,
      clientId: s.clientId,
      clientSecret: s.clientSecret,
      checks: ["pkce", "state", "nonce"] as ("pkce" | "state" | "nonce")[],
      authorization: { params: { scope: "openid email profile" } },
    },
  ];
}

/** Our user for an SSO profile: the verified email must belong to a member of some organization. */
export async function memberForSsoProfile(profile: Profile | undefined) {
  const email = typeof profile?.email === "string" ? normalizeEmail(profile.email) : null;
  if (!email || profile?.email_verified !== true) return null;
  const user = await db.user.findUnique({ where: { email }, include: { memberships: { take: 1 } } });
  return user && user.memberships.length ? user : null;
}

/** Auth.js signIn callback part: refuse SSO for unknown or unverified emails with a clear page. */
export async function allowSsoSignIn(account: Account | null | undefined, profile: Profile | undefined): Promise<true | string> {
  if (account?.provider !== OIDC_PROVIDER_ID) return true;
  const user = await memberForSsoProfile(profile);
  if (!user) return SSO_REFUSED_PATH;
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  return true;
}

/** Auth.js jwt callback part: an SSO session's subject is our user id, not the provider's. */
export async function subjectForSignIn(account: Account | null | undefined, profile: Profile | undefined, user: User | undefined) {
  if (account?.provider === OIDC_PROVIDER_ID) return (await memberForSsoProfile(profile))?.id ?? null;
  return user?.id ?? null;
}
