// Page redirects and page security headers. Signed-out visitors of dashboard pages go to
// /login?callbackUrl=<path> (authConfig.callbacks.authorized). /api/* is excluded by the matcher and
// let through by the callback: route handlers answer JSON 401s themselves (their security headers
// come from next.config.mjs). Never the only check: pages and server actions verify the session and
// the role. Every page gets a fresh CSP nonce: Next reads it from the request's
// Content-Security-Policy header and puts it on its own scripts; the layout reads x-nonce.
import NextAuth from "next-auth";
import { NextResponse, type NextFetchEvent, type NextMiddleware, type NextRequest } from "next/server";
import { authConfig } from "@/auth.config";
import { env } from "@/lib/env";
import { pageSecurityHeaders } from "@/lib/http/security-headers.mjs";

const { auth } = NextAuth(authConfig);

function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

export async function proxy(request: NextRequest, event: NextFetchEvent) {
  const nonce = newNonce();
  const security = pageSecurityHeaders({ pathname: request.nextUrl.pathname, nonce, authUrl: env.authUrl, dev: env.isDevelopment });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", security.find(([k]) => k === "Content-Security-Policy")![1]);
  // the middleware overload of auth(); its callback runs only when authorized() let the request through
  const handler = auth(() => NextResponse.next({ request: { headers: requestHeaders } })) as unknown as NextMiddleware;
  const response = (await handler(request, event)) ?? NextResponse.next({ request: { headers: requestHeaders } });
  // Redirects only: never re-issue the session cookie from here. A prefetch answered after sign-out
  // would otherwise set the just-deleted session cookie again (sessions end 7 days after sign-in).
  response.headers.delete("set-cookie");
  for (const [name, value] of security) response.headers.set(name, value);
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
