"use client";
import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { ssoSignInAction } from "@/lib/actions/sign-in-actions";
import { Button } from "@/components/ui/button";

/** Shown only when KEYDESK_OIDC_* are set. */
export function SsoButton({ callbackUrl, name }: { callbackUrl: string; name: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(ssoSignInAction, {});
  return (
    <form action={action}>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Button type="submit" variant="secondary" className="w-full" disabled={pending}>Sign in with {name}</Button>
      {state.message ? <p role="alert" className="mt-2 text-sm text-red-600">{state.message}</p> : null}
    </form>
  );
}
