/**
 * A same-site relative path to return to after sign-in, or the fallback. Absolute URLs,
 * protocol-relative ("//evil") and backslash tricks are refused: no open redirect.
 */
export function safeCallbackUrl(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\") || value.includes("\\")) return fallback;
  if (value === "/login" || value.startsWith("/login?") || value.startsWith("/api/")) return fallback;
  return value;
}
