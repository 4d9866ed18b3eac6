// The part of the Auth.js configuration the proxy needs: no database, no argon2. auth.ts adds the
// Credentials provider (next-learn's split). The proxy only redirects signed-out visitors of pages;
// every page and server action checks the session and the role itself.
import type { NextAuthConfig } from "next-auth";
import { env } from "@/lib/env";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";

/** Pages anyone may see signed out. Everything under /api/ is never redirected (programs get JSON). */
const PUBLIC_PATHS = ["/login", "/forgot-password", "/reset-password/", "/claim/", "/invite/", "/docs"];

export const authConfig = {
  secret: env.authSecret,
  trustHost: true,
  session: { strategy: "jwt", maxAge: 7 * 24 * 3600 },
  // Secure (and __Secure- prefixed) session cookies whenever the public URL is https, even behind a
  // proxy that speaks plain http to us
  useSecureCookies: env.secureCookies,
  pages: { signIn: "/login" },
  providers: [],
  callbacks: {
    authorized({ auth, request: { nextUrl } }) {
      const path = nextUrl.pathname;
      if (path.startsWith("/api/") || path === "/api") return true;
      const signedIn = Boolean(auth?.user);
      if (path === "/login") {
        if (!signedIn) return true;
        return Response.redirect(new URL(safeCallbackUrl(nextUrl.searchParams.get("callbackUrl")), nextUrl));
      }
      if (PUBLIC_PATHS.some((p) => path.startsWith(p))) return true;
      if (signedIn) return true;
      // A relative callbackUrl: Auth.js rewrites hosts (127.0.0.1 → localhost), a path survives that.
      const login = new URL("/login", nextUrl);
      if (path !== "/") login.searchParams.set("callbackUrl", path + nextUrl.search);
      return Response.redirect(login);
    },
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub && session.user) session.user.id = token.sub;
      if (typeof token.sid === "string") session.sid = token.sid;
      if (typeof token.iat === "number") session.iat = token.iat;
      return session;
    },
  },
} satisfies NextAuthConfig;
