// The create/edit forms post flat fields; this turns them into the API's input shape, which the
// server action then validates with the same zod schemas as the API (lib/validations/key.ts).
import type { FieldErrors } from "@/lib/actions/action-state";
import { FormErrors } from "@/lib/actions/form-errors";
import { keyNameSchema } from "@/lib/validations/key-name";
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

/** The key form's fields by the API path they carry (for errors from the schema or a service). */
export const KEY_FIELDS = {
  name: "name", scopes: "access", permissions: "access", expires_at: "expiry", rate_limit_per_hour: "rate_limit",
  allowed_ips: "allowed_ips", password: "password", reason: "reason",
} as const;

/** The posted key fields in the API's shape; what the form itself cannot express throws FormErrors. */
export function keyInputFromForm(fd: FormData, now = Date.now()): KeyFormInput {
  const input: KeyFormInput = {};
  // every problem the form itself has, reported together (with the name's, which the schema would
  // report only once these are fixed): the dialog shows all its field errors at once
  const errors: FieldErrors = {};
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
    if (perms.length === 0) errors.access = ["Choose at least one permission"];
    else input.permissions = perms;
  }

  const expiry = fd.get("expiry");
  if (expiry === "never") input.expires_at = null;
  else if (typeof expiry === "string" && /^\d{1,4}$/.test(expiry)) input.expires_at = new Date(now + Number(expiry) * 864e5).toISOString();
  else if (expiry === "custom") {
    const day = String(fd.get("expires_on") ?? "");
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) errors.expiry = ["Choose a date"];
    else input.expires_at = `${day}T23:59:59.000Z`;
  }

  const rate = fd.get("rate_limit");
  if (typeof rate === "string") {
    const t = rate.trim();
    if (t === "") input.rate_limit_per_hour = null;
    else if (!/^\d+$/.test(t)) errors.rate_limit = ["Enter a whole number of requests per hour"];
    else input.rate_limit_per_hour = Number(t);
  }
  if (Object.keys(errors).length) {
    const named = typeof name === "string" ? keyNameSchema.safeParse(name) : null;
    if (named && !named.success) errors.name = named.error.issues.map((i) => i.message);
    throw new FormErrors(errors);
  }

  // one address or range per line (commas and spaces also separate); empty = any address
  const ips = fd.get("allowed_ips");
  if (typeof ips === "string") input.allowed_ips = ips.split(/[\s,]+/).filter(Boolean);
  return input;
}
