// A synthetic origin: only a path that stays on it (whatever the real host is) is accepted.
const BASE = new URL("http://keydesk.invalid");

/**
 * A same-site relative path to return to after sign-in, or the fallback. The value is parsed the
 * way a browser would (`new URL(value, base)`, which drops tab, CR and LF and reads "\" as "/"), and
 * must stay on the same origin: absolute, protocol-relative and smuggled hosts are refused.
 */
export function safeCallbackUrl(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048 || !value.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE.origin) return fallback;
  // backslashes and control characters are never part of a link we produce
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (path === "/login" || path.startsWith("/login?") || path.startsWith("/api/")) return fallback;
  return path;
}
