"use client";
import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { resetPasswordAction } from "@/lib/actions/sign-in-actions";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/input";
import { TextField } from "@/components/ui/text-field";

export function ResetForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(resetPasswordAction, {});
  return (
    <ActionForm action={action} className="space-y-5" noValidate>
      <input type="hidden" name="token" value={token} />
      <FormAlert label="Reset error" message={state.message} />
      <TextField name="password" label="New password" type="password" autoComplete="new-password" required hint="12 characters or more." errors={state.errors?.password} />
      <TextField name="confirm" label="New password again" type="password" autoComplete="new-password" required errors={state.errors?.confirm} />
      <Button type="submit" className="w-full" disabled={pending}>{pending ? "Saving…" : "Set new password"}</Button>
    </ActionForm>
  );
}
