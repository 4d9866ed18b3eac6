"use client";
// A one-click partner action (restore) with its result as a toast or an inline error.
import { useActionState } from "react";
import type { PartnerActionState } from "@/app/(dashboard)/settings/api/partners/form-state";
import { Button, type ButtonProps } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";

export function PartnerActionButton({
  action,
  fields,
  label,
  pendingLabel,
  variant = "secondary",
  ariaLabel,
}: {
  action: (prev: PartnerActionState, fd: FormData) => Promise<PartnerActionState>;
  fields: Record<string, string>;
  label: string;
  pendingLabel: string;
  variant?: ButtonProps["variant"];
  ariaLabel?: string;
}) {
  const toast = useToast();
  // toast from here, not an effect: a restored row can leave the list in the same render
  const [state, run, pending] = useActionState(async (prev: PartnerActionState, fd: FormData) => {
    const next = await action(prev, fd);
    if (next.ok && next.message) toast(next.message);
    return next;
  }, {});
  return (
    <form action={run} className="inline-flex flex-col items-end">
      {Object.entries(fields).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
      <Button type="submit" size="sm" variant={variant} disabled={pending} aria-label={ariaLabel}>
        {pending ? pendingLabel : label}
      </Button>
      {state.message && !state.ok ? <span role="alert" aria-label={`${label} error`} className="mt-1 text-xs text-red-600">{state.message}</span> : null}
    </form>
  );
}
