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

export function proxy(request: NextRequest, event: NextFetchEvent) {
  return handler(request, event);
}

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon\\.ico|robots\\.txt|.*\\.(?:png|jpg|svg|ico|webp|woff2?|css|js)$).*)"],
};
