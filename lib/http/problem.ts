// One error type, one envelope: RFC 9457 problem+json (CONTRACT.md §3).
export const problemCodes = {
  invalid_request: { status: 400, title: "Invalid request" },
  missing_api_key: { status: 401, title: "API key required" },
  invalid_api_key: { status: 401, title: "Invalid API Key" },
  expired_api_key: { status: 401, title: "API key expired" },
  leaked_api_key: { status: 401, title: "API key leaked" },
  disabled_api_key: { status: 401, title: "API key paused" },
  invalid_signature: { status: 401, title: "Invalid signature" },
  unauthorized: { status: 401, title: "Authentication required" },
  insufficient_permissions: { status: 403, title: "Insufficient Permissions" },
  plan_required: { status: 403, title: "Plan upgrade required" },
  forbidden: { status: 403, title: "Forbidden" },
  ip_not_allowed: { status: 403, title: "IP address not allowed" },
  not_found: { status: 404, title: "Not found" },
  method_not_allowed: { status: 405, title: "Method not allowed" },
  conflict: { status: 409, title: "Conflict" },
  payload_too_large: { status: 413, title: "Payload too large" },
  unsupported_media_type: { status: 415, title: "Unsupported media type" },
  // answered by scripts/server.mjs when Node's HTTP parser refuses the request's head
  request_header_too_large: { status: 431, title: "Request header fields too large" },
  rate_limited: { status: 429, title: "Rate limit exceeded" },
  service_unavailable: { status: 503, title: "Service unavailable" },
  internal_error: { status: 500, title: "Internal server error" },
} as const;

export type ProblemCode = keyof typeof problemCodes;

export type ProblemExtras = Record<string, unknown>;

export class ApiError extends Error {
  readonly code: ProblemCode;
  readonly status: number;
  readonly extras: ProblemExtras;
  readonly headers: Record<string, string>;

  constructor(code: ProblemCode, detail: string, extras: ProblemExtras = {}, headers: Record<string, string> = {}) {
    super(detail);
    this.name = "ApiError";
    this.code = code;
    this.status = problemCodes[code].status;
    this.extras = extras;
    this.headers = headers;
  }
}

export function problemBody(code: ProblemCode, detail: string, extras: ProblemExtras = {}) {
  const { status, title } = problemCodes[code];
  return { type: `/docs/errors#${code}`, title, status, detail, code, ...extras };
}

export function problemResponse(error: ApiError, headers: HeadersInit = {}): Response {
  const h = new Headers(headers);
  h.set("Content-Type", "application/problem+json");
  for (const [k, v] of Object.entries(error.headers)) h.set(k, v);
  if (error.status === 401 && !h.has("WWW-Authenticate")) h.set("WWW-Authenticate", 'Bearer realm="keydesk"');
  return new Response(JSON.stringify(problemBody(error.code, error.message, error.extras)), { status: error.status, headers: h });
}
