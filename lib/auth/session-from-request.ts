// The signed-in user of a Request, read from the Auth.js session cookie with Web-standard APIs only
// (no next/headers), so route handlers stay plain (Request) => Response and tests can call them.
import "server-only";
import { decode } from "next-auth/jwt";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { CURRENT_ORG_COOKIE } from "@/lib/auth/current-org";
import { liveSessionSelect, sessionIsLive, type SessionClaims } from "@/lib/auth/sign-in-sessions";

const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"];

export function readCookie(req: Request, name: string): string | null {
  const header = req.headers.get("cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const i = part.indexOf("=");
    if (i > 0 && part.slice(0, i).trim() === name) {
      // A malformed escape (`%`) is no cookie at all: the caller falls through to its next way in.
      try {
        return decodeURIComponent(part.slice(i + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** The claims of a valid, unexpired session cookie (user id, session id, issued at), else null. */
async function sessionClaims(req: Request): Promise<(SessionClaims & { sub: string }) | null> {
  for (const salt of SESSION_COOKIES) {
    const token = readCookie(req, salt);
    if (!token) continue;
    try {
      const payload = await decode({ token, salt, secret: env.authSecret });
      if (payload?.sub && (!payload.exp || payload.exp * 1000 > Date.now())) return { sub: payload.sub, sid: payload.sid, iat: payload.iat };
    } catch {
      /* a cookie that does not decode is no session */
    }
  }
  return null;
}

/** The session's user with the membership of the organization the org cookie names (else the first);
 * null when signed out or the session was ended (signed out elsewhere, password changed). */
export async function sessionMembership(req: Request) {
  const claims = await sessionClaims(req);
  if (!claims) return null;
  // one query: the session's liveness and the memberships together
  const user = await db.user.findUnique({
    where: { id: claims.sub },
    select: {
      ...liveSessionSelect(claims),
      id: true,
      email: true,
      name: true,
      memberships: { include: { organization: true }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!user || !sessionIsLive(user, claims) || !user.memberships.length) return null;
  const wanted = readCookie(req, CURRENT_ORG_COOKIE);
  const membership = user.memberships.find((m) => m.organizationId === wanted) ?? user.memberships[0]!;
  return { ...membership, user: { id: user.id, email: user.email, name: user.name } };
}
