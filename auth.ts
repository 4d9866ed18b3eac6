// Auth.js: email + password (argon2id), JWT sessions. The proxy uses auth.config.ts alone.
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "@/auth.config";
import { authorizeCredentials } from "@/lib/auth/authorize-credentials";
import { allowSsoSignIn, oidcProviders, subjectForSignIn } from "@/lib/auth/oidc";
import { endSignInSession, startSignInSession } from "@/lib/auth/sign-in-sessions";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name?: string | null };
    /** The sign-in session's id (lib/auth/sign-in-sessions.ts) and when the cookie was issued. */
    sid?: string;
    iat?: number;
  }
}

export const { auth, handlers, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: (credentials, request) => authorizeCredentials(credentials, request),
    }),
    ...oidcProviders(),
  ],
  callbacks: {
    ...authConfig.callbacks,
    signIn: ({ account, profile }) => allowSsoSignIn(account, profile),
    async jwt({ token, user, account, profile }) {
      if (account) {
        const sub = await subjectForSignIn(account, profile, user);
        if (sub) token.sub = sub;
        // each sign-in is a session of its own, listed on the profile page and revocable
        const meta = (user as { signInMeta?: { ip: string | null; userAgent: string | null } } | undefined)?.signInMeta;
        if (token.sub) token.sid = await startSignInSession(token.sub, meta);
      }
      return token;
    },
  },
  events: {
    async signOut(message) {
      if ("token" in message) await endSignInSession(message.token?.sid);
    },
  },
  logger: {
    // A wrong password is an expected outcome, not a server error: no stack in the log.
    error(error) {
      if (error instanceof CredentialsSignin || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error(`[auth][error] ${error.name}: ${error.message}`);
    },
    warn(code) {
      console.warn(`[auth][warn] ${code}`);
    },
    debug() {},
  },
});
