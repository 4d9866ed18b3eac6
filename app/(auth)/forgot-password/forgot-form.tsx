"use client";
import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { requestPasswordResetAction } from "@/lib/actions/sign-in-actions";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/input";
import { TextField } from "@/components/ui/text-field";

export function ForgotForm() {
  const [state, action, pending] = useActionState<ActionState, FormData>(requestPasswordResetAction, {});
  if (state.ok) {
    return <p role="status" className="text-sm text-slate-700" data-testid="reset-requested">{state.message}</p>;
  }
  return (
    <ActionForm action={action} className="space-y-5" noValidate>
      <FormAlert label="Reset error" message={state.message} />
      <TextField name="email" label="Email" type="email" autoComplete="email" required autoFocus errors={state.errors?.email} />
      <Button type="submit" className="w-full" disabled={pending}>{pending ? "Sending…" : "Email me a link"}</Button>
    </ActionForm>
  );
}
