"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Label } from "@/components/ui/input";
import type { ActionState } from "@/lib/actions/action-state";
import { acceptInvitationAction } from "@/lib/actions/invite-actions";

export function AcceptForm({ token, email, hasAccount }: { token: string; email: string; hasAccount: boolean }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(acceptInvitationAction, {});
  return (
    <form action={action} className="mt-6 space-y-4">
      <input type="hidden" name="token" value={token} />
      <div>
        <Label htmlFor="email">Email</Label>
        <Input id="email" value={email} readOnly disabled className="mt-1" />
      </div>
      {hasAccount ? null : (
        <div>
          <Label htmlFor="name">Your name</Label>
          <Input id="name" name="name" required autoComplete="name" className="mt-1" aria-describedby="name-error" aria-invalid={Boolean(state.errors?.name)} />
          <FieldError id="name-error" errors={state.errors?.name} />
        </div>
      )}
      <div>
        <Label htmlFor="password">{hasAccount ? "Your password" : "Choose a password (12 characters or more)"}</Label>
        <Input id="password" name="password" type="password" required minLength={12} autoComplete={hasAccount ? "current-password" : "new-password"} className="mt-1" aria-describedby="password-error" aria-invalid={Boolean(state.errors?.password)} />
        <FieldError id="password-error" errors={state.errors?.password} />
      </div>
      {state.message ? <p role="alert" aria-label="Invitation error" className="text-sm text-red-600">{state.message}</p> : null}
      <Button type="submit" disabled={pending} className="w-full">{hasAccount ? "Join" : "Set password and join"}</Button>
    </form>
  );
}
