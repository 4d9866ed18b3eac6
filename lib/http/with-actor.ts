// Routes that people and programs both call (the approvals API, desk tokens): three ways in, in
// this order: a signed-in browser session, a desk token (Authorization: DeskToken <token>), an API
// key. All three give the handler the same Actor, used for audit events and `decided_by`.
import type { Actor } from "@/lib/audit/actor";
import { clientIp } from "@/lib/net/client-ip";
import { sessionMembership } from "@/lib/auth/session-from-request";
import { verifyDeskToken } from "@/lib/desk-tokens/verify-desk-token";
import { ApiError } from "@/lib/http/problem";
import { requestIdFor } from "@/lib/http/request-id";
import { errorResponse } from "@/lib/http/respond";
import { authenticateKey, authorizeKey, extractKey, finishKeyedResponse, noStoreIfQueryKey, type KeyAuth } from "@/lib/http/with-api-key";
import type { Permission } from "@/lib/keys/permissions";

import { ROLES, type Role } from "@/lib/auth/roles";
export type Principal =
  | { via: "session" | "desk_token"; organizationId: string; userId: string; role: Role; actor: Actor }
  | { via: "key"; organizationId: string; actor: Actor; key: KeyAuth };

type Options = {
  /** Needed when called with an API key. */
  permission: Permission;
  /** Needed when called as a user (session or desk token); every member by default. */
  roles?: Role[];
  /** Accept API keys at all (desk-token management does not). */
  keys?: boolean;
  /** Accept desk tokens (minting desk tokens needs a real session). */
  deskTokens?: boolean;
};

type Ctx<P> = { req: Request; url: URL; params: P; principal: Principal; requestId: string };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** A cookie-authenticated write must come from our own pages: Origin must be this host. */
function assertSameOrigin(req: Request, url: URL) {
  if (SAFE_METHODS.has(req.method)) return;
  const origin = req.headers.get("origin");
  const site = req.headers.get("sec-fetch-site");
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? url.host;
  let sameOrigin = false;
  try {
    sameOrigin = origin !== null && new URL(origin).host === host;
  } catch {
    sameOrigin = false;
  }
  if (!sameOrigin || (site !== null && site !== "same-origin")) {
    throw new ApiError("forbidden", "Cross-origin requests with a session cookie are refused. Use a desk token or an API key from scripts.");
  }
}

function userActor(req: Request, user: { id: string; email: string }): Actor {
  return { type: "user", id: user.id, label: user.email, ip: clientIp(req.headers), userAgent: req.headers.get("user-agent") };
}

export function withActor<P = Record<string, never>>(handler: (ctx: Ctx<P>) => Promise<Response>, options: Options) {
  const roles = options.roles ?? ROLES;
  return async (req: Request, ctx: { params: Promise<P> }): Promise<Response> => {
    const requestId = requestIdFor(req);
    const url = new URL(req.url);
    let keyAuth: KeyAuth | null = null;
    let res: Response;
    try {
      let principal: Principal | null = null;
      const membership = await sessionMembership(req);
      const authz = req.headers.get("authorization");
      if (membership) {
        assertSameOrigin(req, url);
        principal = { via: "session", organizationId: membership.organizationId, userId: membership.userId, role: membership.role, actor: userActor(req, membership.user) };
      } else if (authz && /^DeskToken\s/i.test(authz)) {
        if (options.deskTokens === false) throw new ApiError("forbidden", "Desk tokens cannot be used here; sign in.");
        const found = await verifyDeskToken(authz.replace(/^DeskToken\s+/i, "").trim());
        if (!found) throw new ApiError("unauthorized", "The desk token is not valid, was revoked or has expired. Mint a new one from your profile.", {}, { "WWW-Authenticate": 'DeskToken realm="keydesk", error="invalid_token"' });
        principal = { via: "desk_token", organizationId: found.organization.id, userId: found.user.id, role: found.role, actor: userActor(req, found.user) };
      } else {
        const foundKey = options.keys === false ? null : extractKey(req, url);
        if (!foundKey) {
          throw new ApiError(options.keys === false ? "unauthorized" : "missing_api_key",
            options.keys === false ? "Sign in to do this." : "Sign in, or send a desk token (Authorization: DeskToken <token>) or an API key (Authorization: Bearer <key>).");
        }
        keyAuth = await authenticateKey(req, url, foundKey);
        authorizeKey(keyAuth, options.permission);
        principal = { via: "key", organizationId: keyAuth.org.id, actor: keyAuth.actor, key: keyAuth };
      }
      if (principal.via !== "key" && !roles.includes(principal.role)) {
        throw new ApiError("forbidden", `This needs the role ${roles.join(" or ")}.`);
      }
      res = await handler({ req, url, params: (await ctx?.params) ?? ({} as P), principal, requestId });
    } catch (e) {
      res = errorResponse(e, requestId);
    }
    res.headers.set("X-Request-Id", requestId);
    if (keyAuth) finishKeyedResponse(res, keyAuth);
    else noStoreIfQueryKey(req, res);
    return res;
  };
}
