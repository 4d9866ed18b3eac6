"use client";
import { useState } from "react";
import type { FieldErrors } from "@/lib/actions/action-state";
import { expiryChoicesFor } from "@/lib/keys/key-form";
import { FieldError, Input, Label } from "@/components/ui/input";

const selectClass =
  "block h-9 w-full rounded-md border-0 bg-white px-3 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500 focus:outline-none";

export function NameField({ defaultValue, errors }: { defaultValue: string; errors?: FieldErrors }) {
  return (
    <div>
      <Label htmlFor="key-name">Name</Label>
      <Input id="key-name" name="name" defaultValue={defaultValue} maxLength={100} className="mt-1.5" aria-invalid={errors?.name ? true : undefined} aria-describedby="key-name-error key-name-hint" />
      <p id="key-name-hint" className="mt-1 text-xs text-slate-500">Something that tells you where the key is used, e.g. “Billing sync (production)”.</p>
      <FieldError id="key-name-error" errors={errors?.name} />
    </div>
  );
}

export function ExpiryField({ errors, current, allowKeep, maxDays }: { errors?: FieldErrors; current?: string | null; allowKeep?: boolean; maxDays?: number | null }) {
  const choices = expiryChoicesFor(maxDays);
  const [choice, setChoice] = useState<string>(allowKeep ? "keep" : choices[0]!.value);
  const today = new Date(Date.now() + 864e5).toISOString().slice(0, 10);
  const latest = maxDays ? new Date(Date.now() + maxDays * 864e5).toISOString().slice(0, 10) : undefined;
  return (
    <div>
      <Label htmlFor="key-expiry">Expires</Label>
      <div className="mt-1.5 flex gap-2">
        <select id="key-expiry" name={choice === "keep" ? undefined : "expiry"} value={choice} onChange={(e) => setChoice(e.target.value)} className={selectClass} aria-describedby="key-expiry-error" aria-invalid={errors?.expiry ? true : undefined}>
          {allowKeep ? <option value="keep">{current ? `Keep (${current.slice(0, 10)})` : "Keep (never)"}</option> : null}
          {choices.map((c) => (
            <option key={c.value} value={c.value}>{c.label}</option>
          ))}
        </select>
        {choice === "custom" ? <div className="w-44 shrink-0"><Input type="date" name="expires_on" min={today} max={latest} aria-label="Expiry date" required /></div> : null}
      </div>
      {maxDays ? <p className="mt-1 text-xs text-slate-500">Your organization’s keys live at most {maxDays} days.</p> : null}
      <FieldError id="key-expiry-error" errors={errors?.expiry} />
    </div>
  );
}

export function AllowedIpsField({ errors, defaultValue }: { errors?: FieldErrors; defaultValue?: string[] }) {
  return (
    <div>
      <Label htmlFor="key-allowed-ips">Allowed IP addresses</Label>
      <textarea
        id="key-allowed-ips"
        name="allowed_ips"
        rows={3}
        placeholder={"203.0.113.7\n198.51.100.0/24\n2001:db8::/32"}
        defaultValue={defaultValue?.join("\n") ?? ""}
        className="mt-1.5 block w-full rounded-md border-0 px-3 py-2 font-mono text-xs text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500 focus:outline-none"
        aria-describedby="key-allowed-ips-error key-allowed-ips-hint"
        aria-invalid={errors?.allowed_ips ? true : undefined}
      />
      <p id="key-allowed-ips-hint" className="mt-1 text-xs text-slate-500">One address or CIDR range per line, up to 100. Leave empty to accept any address.</p>
      <FieldError id="key-allowed-ips-error" errors={errors?.allowed_ips} />
    </div>
  );
}

export function RateLimitField({ errors, orgDefault, defaultValue }: { errors?: FieldErrors; orgDefault: number; defaultValue?: number | null }) {
  return (
    <div>
      <Label htmlFor="key-rate-limit">Rate limit (requests per hour)</Label>
      <Input
        id="key-rate-limit"
        name="rate_limit"
        inputMode="numeric"
        placeholder={`Organization default: ${orgDefault}`}
        defaultValue={defaultValue ?? ""}
        className="mt-1.5"
        aria-describedby="key-rate-limit-error key-rate-limit-hint"
        aria-invalid={errors?.rate_limit ? true : undefined}
      />
      <p id="key-rate-limit-hint" className="mt-1 text-xs text-slate-500">Leave empty to use the organization default.</p>
      <FieldError id="key-rate-limit-error" errors={errors?.rate_limit} />
    </div>
  );
}
