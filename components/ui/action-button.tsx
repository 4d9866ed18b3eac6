"use client";
// A one-click server action (restore, retire a secret, ...) with its result as a toast or an inline error.
import { useActionState } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";

type ActionResult = { ok?: boolean; message?: string };

export function ActionButton<S extends ActionResult>({
  action,
  fields,
  label,
  pendingLabel,
  variant = "secondary",
  size = "sm",
  ariaLabel,
  disabled,
  describedBy,
}: {
  action: (prev: S, fd: FormData) => Promise<S>;
  fields: Record<string, string>;
  label: string;
  pendingLabel: string;
  variant?: ButtonProps["variant"];
  size?: ButtonProps["size"];
  ariaLabel?: string;
  disabled?: boolean;
  describedBy?: string;
}) {
  const toast = useToast();
  // toast from here, not an effect: a restored row can leave the list in the same render
  const [state, run, pending] = useActionState<ActionResult, FormData>(async (prev, fd) => {
    const next = await action(prev as S, fd);
    if (next.ok && next.message) toast(next.message);
    return next;
  }, {});
  return (
    <form action={run} className="inline-flex flex-col items-end">
      {Object.entries(fields).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
      <Button type="submit" size={size} variant={variant} disabled={pending || disabled} aria-label={ariaLabel} aria-describedby={describedBy}>
        {pending ? pendingLabel : label}
      </Button>
      {state.message && !state.ok ? <span role="alert" aria-label={`${label} error`} className="mt-1 max-w-xs text-right text-xs text-red-600">{state.message}</span> : null}
    </form>
  );
}
