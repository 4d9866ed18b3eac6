"use client";
// The profile's account forms: change password (current one required) and sign out other sessions.
import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { changePasswordAction, signOutOtherSessionsAction } from "@/lib/actions/profile-actions";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/input";
import { TextField } from "@/components/ui/text-field";

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState<ActionState, FormData>(changePasswordAction, {});
  return (
    // remounted after a success (key), so the three fields are empty again
    <ActionForm key={state.ok ? state.message : "form"} action={action} className="grid gap-4 px-5 py-4 sm:max-w-md" noValidate>
      {state.ok ? <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-emerald-200">{state.message}</p> : <FormAlert label="Password error" message={state.errors ? undefined : state.message} />}
      <TextField name="current" label="Current password" type="password" autoComplete="current-password" required errors={state.errors?.current} />
      <TextField name="password" label="New password" type="password" autoComplete="new-password" required hint="12 characters or more. Your other sessions will be signed out." errors={state.errors?.password ?? state.errors?.next} />
      <TextField name="confirm" label="New password again" type="password" autoComplete="new-password" required errors={state.errors?.confirm} />
      <div>
        <Button type="submit" disabled={pending}>{pending ? "Changing…" : "Change password"}</Button>
      </div>
    </ActionForm>
  );
}

export function SignOutOthersButton({ others }: { others: number }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(signOutOtherSessionsAction, {});
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <Button type="submit" variant="secondary" disabled={pending || others === 0}>{pending ? "Signing out…" : "Sign out other sessions"}</Button>
      {state.message ? <span role="status" className="text-sm text-slate-600">{state.message}</span> : null}
    </form>
  );
}
