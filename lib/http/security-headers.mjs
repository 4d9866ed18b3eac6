// Security headers, in one place, for every page and API answer. Plain JavaScript (with types in
// security-headers.d.mts) because next.config.mjs imports it as well as proxy.ts and the tests.
//  - next.config.mjs `headers()` sends STATIC_SECURITY_HEADERS and the Referrer-Policy on every path
//    (pages, /api, assets): they are fixed at build time, which is right for them.
//  - proxy.ts adds, on pages, at run time: the nonce-based Content-Security-Policy and HSTS (which
//    depends on AUTH_URL, an environment value that may differ between build and start).

/** Pages whose URL carries a one-time secret: the token must never leave as a Referer. */
export const NO_REFERRER_PATHS = ["/claim/", "/invite/"];

/** The same on every answer. */
export const STATIC_SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // the CSP's frame-ancestors 'none' for browsers without CSP level 2, and for API answers
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** no-referrer on claim and invitation pages, strict-origin-when-cross-origin elsewhere. */
export function referrerPolicyFor(pathname) {
  return NO_REFERRER_PATHS.some((p) => pathname.startsWith(p) || pathname === p.slice(0, -1)) ? "no-referrer" : "strict-origin-when-cross-origin";
}

/** HSTS only when the public URL is https (a plain-http deployment must not be pinned to https). */
export function hstsHeader(authUrl) {
  return typeof authUrl === "string" && authUrl.startsWith("https://") ? "max-age=31536000; includeSubDomains" : null;
}

/**
 * The page CSP: scripts only with this request's nonce ('strict-dynamic' lets Next's own chunks load
 * what they need); no plugins, no framing, no foreign base URL. Styles allow inline attributes
 * (React style props, swagger-ui). Development adds eval and the HMR socket React needs.
 */
export function contentSecurityPolicy({ nonce, dev = false, https = false }) {
  if (!/^[A-Za-z0-9+/_-]+=*$/.test(nonce)) throw new Error("The CSP nonce must be base64");
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
  ];
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** Everything a page answer gets, for the proxy: [name, value] pairs. */
export function pageSecurityHeaders({ pathname, nonce, authUrl, dev = false }) {
  const hsts = hstsHeader(authUrl);
  return [
    ["Content-Security-Policy", contentSecurityPolicy({ nonce, dev, https: Boolean(hsts) })],
    ["Referrer-Policy", referrerPolicyFor(pathname)],
    ...STATIC_SECURITY_HEADERS.map((h) => [h.key, h.value]),
    ...(hsts ? [["Strict-Transport-Security", hsts]] : []),
  ];
}

/** The next.config.mjs `headers()` entries: static headers everywhere, no-referrer where it matters. */
export function configSecurityHeaders() {
  return [
    { source: "/:path*", headers: [...STATIC_SECURITY_HEADERS, { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" }] },
    ...NO_REFERRER_PATHS.map((p) => ({ source: `${p}:path*`, headers: [{ key: "Referrer-Policy", value: "no-referrer" }] })),
  ];
}
