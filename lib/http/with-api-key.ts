// The one wrapper every keyed route uses: read the key, verify it through the cache, apply query-key
// policy, rate limit, plan and permission, hand the handler its organization and key, count usage.
import type { Actor } from "@/lib/audit/actor";
import { clientIp } from "@/lib/net/client-ip";
import { tryAgainIn } from "@/lib/http/try-again";
import { ApiError } from "@/lib/http/problem";
import { requestIdFor } from "@/lib/http/request-id";
import { errorResponse } from "@/lib/http/respond";
import type { CachedKey, CachedOrg } from "@/lib/keys/key-cache";
import { hasPermission, type Permission } from "@/lib/keys/permissions";
import { planAllows, planHasKeyedAccess, requiredPlanFor } from "@/lib/plans/plan-rules";
import { verifyKey } from "@/lib/keys/verify-key";
import { ipAllowed } from "@/lib/keys/ip-allowlist";
import { reportCanaryUse } from "@/lib/keys/report-canary-use";
import { resolveGuestOrg } from "@/lib/orgs/resolve-guest-org";
import { consumeRateLimit, rateLimitHeaders, type RateLimitState } from "@/lib/ratelimit/rate-limiter";
import { recordUsage } from "@/lib/usage/usage-recorder";

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
  const result = await verifyKey(found.key);
  if (result.status === "invalid") {
    // a decoy is refused exactly as an unknown key (the alert goes out of band, off this answer's time)
    if (result.reason === "canary") reportCanaryUse(result.key, { ip: clientIp(req.headers), userAgent: req.headers.get("user-agent"), method: req.method, path: url.pathname });
    throw new ApiError("invalid_api_key", "The API key is not valid. Check that it was copied whole and has not been deleted.", {}, invalidToken);
  }
  if (result.status === "leaked") throw new ApiError("leaked_api_key", "This key was found in public and was revoked. Create a new key.", {}, invalidToken);
  if (result.status === "disabled") throw new ApiError("disabled_api_key", "This API key is paused. An admin can resume it under Settings → API.", {}, invalidToken);
  if (result.status === "expired") {
    const detail = result.reason === "key" ? "This API key has expired. Create a new key or extend its expiry." : "This secret was rotated out. Use the key's newest secret.";
    throw new ApiError("expired_api_key", detail, {}, invalidToken);
  }
  const { key, org } = result;
  if (found.transport === "query" && !org.allowQueryKeys) {
    throw new ApiError("invalid_api_key", "This organization does not accept API keys in the query string. Send it as Authorization: Bearer <key>.", {}, invalidToken);
  }
  const ip = clientIp(req.headers);
  // before the rate limit: calls from outside the allowlist cannot use up the key's hour
  if (key.allowedIps && !ipAllowed(ip, key.allowedIps)) {
    throw new ApiError("ip_not_allowed", `This key accepts requests only from its allowed IP addresses; this request came from ${ip ?? "an unknown address"}.`, { ip });
  }
  const limit = key.rateLimitPerHour ?? org.defaultRateLimitPerHour;
  const rateLimit = await consumeRateLimit(key.keyId, limit);
  const actor: Actor = { type: "key", id: key.keyId, label: key.name, ip, userAgent: req.headers.get("user-agent") };
  return { kind: "key", key, org, transport: found.transport, rateLimit, actor };
}

/** Rate limit, plan and permission, in that order (a limited key cannot probe with 403s). */
export function authorizeKey(auth: KeyAuth, permission?: Permission) {
  if (!auth.rateLimit.allowed) {
    throw new ApiError("rate_limited", `This key may make ${auth.rateLimit.limit} requests an hour. ${tryAgainIn(auth.rateLimit.resetSeconds)}`, {}, { "Retry-After": String(auth.rateLimit.resetSeconds) });
  }
  if (!planHasKeyedAccess(auth.org.plan)) {
    throw new ApiError("plan_required", "API access by key needs the starter or professional plan.", { required_plan: requiredPlanFor(permission ?? null) });
  }
  if (!permission) return;
  if (!planAllows(auth.org.plan, permission)) throw new ApiError("plan_required", `${permission} needs the ${requiredPlanFor(permission)} plan.`, { required_plan: requiredPlanFor(permission) });
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

/** A key in the URL must not stay in any cache: every answer to such a request is no-store (CONTRACT §1). */
export function noStoreIfQueryKey(req: Request, res: Response): Response {
  let hasQueryKey = false;
  try {
    hasQueryKey = new URL(req.url).searchParams.has("api_key");
  } catch {
    hasQueryKey = /[?&]api_key=/.test(req.url);
  }
  if (hasQueryKey) res.headers.set("Cache-Control", "no-store");
  return res;
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
    else noStoreIfQueryKey(req, res);
    return res;
  };
}

