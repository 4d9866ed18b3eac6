"use client";
// A one-click webhook action (pause, resume, send test event, resend) with its result as a toast
// or an inline error.
import { useActionState } from "react";
import type { WebhookActionState } from "@/app/(dashboard)/settings/api/webhooks/form-state";
import { Button, type ButtonProps } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";

export function WebhookActionButton({
  action,
  fields,
  label,
  pendingLabel,
  variant = "secondary",
  size = "md",
  ariaLabel,
  disabled,
  describedBy,
}: {
  action: (prev: WebhookActionState, fd: FormData) => Promise<WebhookActionState>;
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
  const [state, run, pending] = useActionState(async (prev: WebhookActionState, fd: FormData) => {
    const next = await action(prev, fd);
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
