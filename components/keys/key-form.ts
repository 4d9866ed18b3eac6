// The create/edit forms post flat fields; this turns them into the API's input shape, which the
// server action then validates with the same zod schemas as the API (lib/validations/key.ts).
import { RESOURCES, type Permission, type Preset } from "@/lib/keys/permissions";

/** The choices a form offers under a lifetime policy (max days): no "never", nothing longer, and the longest allowed. */
export function expiryChoicesFor(maxDays: number | null | undefined): { value: string; label: string }[] {
  if (!maxDays) return [...EXPIRY_CHOICES];
  const within = EXPIRY_CHOICES.filter((c) => c.value === "custom" || (/^\d+$/.test(c.value) && Number(c.value) < maxDays));
  return [{ value: String(maxDays), label: `${maxDays} days (the longest allowed)` }, ...within];
}

export const EXPIRY_CHOICES = [
  { value: "never", label: "Never" },
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "1 year" },
  { value: "custom", label: "On a date…" },
] as const;

export type KeyFormInput = {
  name?: string;
  scopes?: Preset[];
  permissions?: Permission[];
  expires_at?: string | null;
  rate_limit_per_hour?: number | null;
  allowed_ips?: string[];
};

/** Field errors by form field name; `form` holds errors that belong to no single field. */
export type FieldErrors = Partial<Record<"name" | "access" | "expiry" | "rate_limit" | "allowed_ips" | "password" | "reason" | "form", string[]>>;

export function keyInputFromForm(fd: FormData, now = Date.now()): KeyFormInput | { error: FieldErrors } {
  const input: KeyFormInput = {};
  const name = fd.get("name");
  if (typeof name === "string") input.name = name;

  const access = fd.get("access");
  if (access === "preset") {
    const preset = String(fd.get("preset") ?? "");
    input.scopes = [preset as Preset];
  } else if (access === "custom") {
    const perms: Permission[] = [];
    for (const r of RESOURCES) {
      const level = fd.get(`perm_${r}`);
      if (level === "read" || level === "write") perms.push(`${r}:${level}` as Permission);
    }
    if (perms.length === 0) return { error: { access: ["Choose at least one permission"] } };
    input.permissions = perms;
  }

  const expiry = fd.get("expiry");
  if (expiry === "never") input.expires_at = null;
  else if (typeof expiry === "string" && /^\d{1,4}$/.test(expiry)) input.expires_at = new Date(now + Number(expiry) * 864e5).toISOString();
  else if (expiry === "custom") {
    const day = String(fd.get("expires_on") ?? "");
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return { error: { expiry: ["Choose a date"] } };
    input.expires_at = `${day}T23:59:59.000Z`;
  }

  const rate = fd.get("rate_limit");
  if (typeof rate === "string") {
    const t = rate.trim();
    if (t === "") input.rate_limit_per_hour = null;
    else if (!/^\d+$/.test(t)) return { error: { rate_limit: ["Enter a whole number of requests per hour"] } };
    else input.rate_limit_per_hour = Number(t);
  }

  // one address or range per line (commas and spaces also separate); empty = any address
  const ips = fd.get("allowed_ips");
  if (typeof ips === "string") input.allowed_ips = ips.split(/[\s,]+/).filter(Boolean);
  return input;
}

/** zod issue paths → form fields. */
export function fieldOf(path: PropertyKey[]): keyof FieldErrors {
  const p = String(path[0] ?? "");
  if (p === "name") return "name";
  if (p === "scopes" || p === "permissions") return "access";
  if (p === "expires_at") return "expiry";
  if (p === "rate_limit_per_hour") return "rate_limit";
  if (p === "allowed_ips") return "allowed_ips";
  if (p === "password" || p === "reason") return p;
  return "form";
}
