// The one wrapper every keyed route uses: read the key, verify it through the cache, apply query-key
// policy, rate limit, plan and permission, hand the handler its organization and key, count usage.
import { clientIp, type Actor } from "@/lib/audit/actor";
import { ApiError, problemResponse } from "@/lib/http/problem";
import { requestIdFor } from "@/lib/http/request-id";
import { errorResponse } from "@/lib/http/respond";
import type { CachedKey, CachedOrg } from "@/lib/keys/key-cache";
import { ensureCacheBus } from "@/lib/keys/key-cache";
import { hasPermission, planAllows, type Permission } from "@/lib/keys/permissions";
import { verifyKey } from "@/lib/keys/verify-key";
import { resolveGuestOrg } from "@/lib/orgs/resolve-guest-org";
import { consumeRateLimit, rateLimitHeaders, type RateLimitState } from "@/lib/ratelimit/rate-limiter";
import { flushUsageOnExit, recordUsage } from "@/lib/usage/usage-recorder";

export type Transport = "bearer" | "header" | "query";

export type KeyAuth = { kind: "key"; key: CachedKey; org: CachedOrg; transport: Transport; rateLimit: RateLimitState; actor: Actor };
export type GuestAuth = { kind: "guest"; org: CachedOrg };

export type HandlerContext<P, A> = { req: Request; url: URL; params: P; auth: A; requestId: string };

type Options = {
  /** Needed by a keyed request; omitted = any valid key (e.g. /me). */
  permission?: Permission;
  /** Requests without a key may pass as guests of an organization (knowledge-base reads). */
  guest?: boolean;
};

type RouteContext<P> = { params: Promise<P> };

export function extractKey(req: Request, url: URL): { key: string; transport: Transport } | null {
  const authz = req.headers.get("authorization");
  if (authz !== null) {
    const m = /^Bearer\s+(.*)$/i.exec(authz.trim());
    // Any other scheme is a credential we do not accept here: never fall back to guest access.
    return { key: m ? m[1]!.trim() : authz, transport: "bearer" };
  }
  const header = req.headers.get("x-api-key");
  if (header !== null) return { key: header.trim(), transport: "header" };
  const query = url.searchParams.get("api_key");
  if (query !== null) return { key: query, transport: "query" };
  return null;
}

const invalidToken = { "WWW-Authenticate": 'Bearer realm="keydesk", error="invalid_token"' };

export async function authenticateKey(req: Request, url: URL, found: { key: string; transport: Transport }): Promise<KeyAuth> {
  ensureCacheBus();
  const result = await verifyKey(found.key);
  if (result.status === "invalid") throw new ApiError("invalid_api_key", "The API key is not valid. Check that it was copied whole and has not been deleted.", {}, invalidToken);
  if (result.status === "expired") {
    const detail = result.reason === "key" ? "This API key has expired. Create a new key or extend its expiry." : "This secret was rotated out. Use the key's newest secret.";
    throw new ApiError("expired_api_key", detail, {}, invalidToken);
  }
  const { key, org } = result;
  if (found.transport === "query" && !org.allowQueryKeys) {
    throw new ApiError("invalid_api_key", "This organization does not accept API keys in the query string. Send it as Authorization: Bearer <key>.", {}, invalidToken);
  }
  const limit = key.rateLimitPerHour ?? org.defaultRateLimitPerHour;
  const rateLimit = await consumeRateLimit(key.keyId, limit);
  const actor: Actor = { type: "key", id: key.keyId, label: key.name, ip: clientIp(req.headers), userAgent: req.headers.get("user-agent") };
  return { kind: "key", key, org, transport: found.transport, rateLimit, actor };
}

/** Rate limit, plan and permission, in that order (a limited key cannot probe with 403s). */
export function authorizeKey(auth: KeyAuth, permission?: Permission) {
  if (!auth.rateLimit.allowed) {
    throw new ApiError("rate_limited", `This key may make ${auth.rateLimit.limit} requests an hour. Try again in ${auth.rateLimit.resetSeconds} seconds.`, {}, { "Retry-After": String(auth.rateLimit.resetSeconds) });
  }
  if (auth.org.plan === "free") {
    throw new ApiError("plan_required", "API access by key needs the starter or professional plan.", { required_plan: permission && !permission.endsWith(":read") ? "professional" : "starter" });
  }
  if (!permission) return;
  const plan = planAllows(auth.org.plan, permission);
  if (!plan.ok) throw new ApiError("plan_required", `${permission} needs the ${plan.requiredPlan} plan.`, { required_plan: plan.requiredPlan });
  if (!hasPermission(auth.key.permissions, permission)) {
    throw new ApiError("insufficient_permissions", `This key lacks the ${permission} permission.`, { required: permission });
  }
}

/** Rate-limit headers, no-store for query keys, and the usage count: every keyed answer gets them. */
export function finishKeyedResponse(res: Response, auth: KeyAuth) {
  for (const [k, v] of Object.entries(rateLimitHeaders(auth.rateLimit))) res.headers.set(k, v);
  if (auth.transport === "query") res.headers.set("Cache-Control", "no-store");
  recordUsage({ organizationId: auth.org.id, keyId: auth.key.keyId, secretId: auth.key.secretId, status: res.status, ip: auth.actor.ip ?? null });
}

export function withApiKey<P = Record<string, never>>(
  handler: (ctx: HandlerContext<P, KeyAuth | GuestAuth>) => Promise<Response>,
  options: Options & { guest: true },
): (req: Request, ctx: RouteContext<P>) => Promise<Response>;
export function withApiKey<P = Record<string, never>>(
  handler: (ctx: HandlerContext<P, KeyAuth>) => Promise<Response>,
  options?: Options,
): (req: Request, ctx: RouteContext<P>) => Promise<Response>;
export function withApiKey<P>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  handler: (ctx: HandlerContext<P, any>) => Promise<Response>,
  options: Options = {},
) {
  flushUsageOnExit();
  return async (req: Request, ctx: RouteContext<P>): Promise<Response> => {
    const requestId = requestIdFor(req);
    let url: URL;
    try {
      url = new URL(req.url);
    } catch {
      url = new URL("http://invalid/");
    }
    let auth: KeyAuth | GuestAuth | null = null;
    let res: Response;
    try {
      const found = extractKey(req, url);
      if (found) {
        auth = await authenticateKey(req, url, found);
        authorizeKey(auth, options.permission);
      } else {
        if (!options.guest) throw new ApiError("missing_api_key", "Send an API key as Authorization: Bearer <key>, X-API-Key or ?api_key=.");
        const org = await resolveGuestOrg(req);
        if (!org) throw new ApiError("missing_api_key", "Send an API key, or name the organization with X-Keydesk-Org: <slug> to read its public articles.");
        if (org.requireApiToken) throw new ApiError("missing_api_key", "This organization requires an API token for every request.");
        auth = { kind: "guest", org };
      }
      res = await handler({ req, url, params: (await ctx?.params) ?? ({} as P), auth, requestId });
    } catch (e) {
      res = errorResponse(e, requestId);
    }
    res.headers.set("X-Request-Id", requestId);
    if (auth?.kind === "key") finishKeyedResponse(res, auth);
    else if (url.searchParams.has("api_key")) res.headers.set("Cache-Control", "no-store");
    return res;
  };
}

export { problemResponse };
