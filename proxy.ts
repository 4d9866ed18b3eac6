// Page redirects only: signed-out visitors of dashboard pages go to /login?callbackUrl=<path>
// (authConfig.callbacks.authorized). /api/* is excluded by the matcher and let through by the
// callback: route handlers answer JSON 401s themselves. Never the only check: pages and server
// actions verify the session and the role.
import NextAuth from "next-auth";
import type { NextFetchEvent, NextMiddleware, NextRequest } from "next/server";
import { authConfig } from "@/auth.config";

const { auth } = NextAuth(authConfig);
// the middleware overload of auth(); its callback runs only when authorized() let the request through
const handler = auth(() => undefined) as unknown as NextMiddleware;

export async function proxy(request: NextRequest, event: NextFetchEvent) {
  const response = await handler(request, event);
  // Redirects only: never re-issue the session cookie from here. A prefetch answered after sign-out
  // would otherwise set the just-deleted session cookie again (sessions end 7 days after sign-in).
  response?.headers.delete("set-cookie");
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon\\.ico|robots\\.txt|.*\\.(?:png|jpg|svg|ico|webp|woff2?|css|js)$).*)",
      // Server actions check the session themselves. Skipping them here also keeps the proxy's
      // rolling session cookie from racing the cookie deletion of sign-out in the same response.
      missing: [{ type: "header", key: "next-action" }],
    },
  ],
};
