import crypto from "node:crypto";

/** The caller's X-Request-Id when it is sane, else a new one. */
export function requestIdFor(req: Request): string {
  const given = req.headers.get("x-request-id");
  if (given && /^[\w.:-]{8,128}$/.test(given)) return given;
  return `req_${crypto.randomBytes(12).toString("base64url")}`;
}
