// Organization slugs name a tenant in URLs, subdomains and X-Keydesk-Org, so they must be safe in
// all three and must never shadow a name the app itself uses.
import { z } from "zod";

export const SLUG_MIN = 2;
export const SLUG_MAX = 48;

/** Host labels and path segments the app or its operators may want for themselves. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  "api", "www", "admin", "app", "auth", "login", "logout", "signin", "signout", "signup", "register",
  "settings", "dashboard", "docs", "help", "support", "status", "static", "assets", "public", "_next",
  "mail", "smtp", "ftp", "cdn", "blog", "billing", "root", "system", "keydesk", "new", "claim",
  "localhost", "null", "undefined",
]);

const PATTERN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

/** Why a slug is refused, or null when it is acceptable. Input is taken as given (no lower-casing). */
export function slugProblem(slug: string): string | null {
  if (slug.length < SLUG_MIN || slug.length > SLUG_MAX) return `must be ${SLUG_MIN} to ${SLUG_MAX} characters long`;
  if (!PATTERN.test(slug)) {
    if (/[A-Z]/.test(slug)) return "must be lower case";
    if (slug.startsWith("-") || slug.endsWith("-")) return "must not start or end with a hyphen";
    return "may contain only lower-case letters, digits and hyphens";
  }
  if (slug.includes("--")) return "must not contain two hyphens in a row";
  if (RESERVED_SLUGS.has(slug)) return `"${slug}" is reserved`;
  return null;
}

export function isValidSlug(slug: string): boolean {
  return slugProblem(slug) === null;
}

/** A best-effort slug from a display name ("Acme, Inc." -> "acme-inc"); may still be reserved. */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, SLUG_MAX)
    .replace(/-+$/, "");
}

export const slugSchema = z.string().superRefine((s, ctx) => {
  const problem = slugProblem(s);
  if (problem) ctx.addIssue({ code: "custom", message: `Slug ${problem}.` });
});
