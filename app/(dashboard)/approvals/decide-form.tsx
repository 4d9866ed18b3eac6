"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/actions/action-state";
import { decideApprovalAction } from "@/lib/actions/approval-actions";

export function DecideForm({ id, title }: { id: string; title: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(decideApprovalAction, {});
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <label className="sr-only" htmlFor={`comment-${id}`}>Comment on {title}</label>
      <input id={`comment-${id}`} name="comment" placeholder="Comment (optional)" className="h-8 w-48 rounded-md px-2 text-sm ring-1 ring-slate-300" />
      <Button size="sm" name="status" value="approved" disabled={pending} aria-label={`Approve ${title}`}>Approve</Button>
      <Button size="sm" variant="secondary" name="status" value="rejected" disabled={pending} aria-label={`Reject ${title}`}>Reject</Button>
      {state.message && !state.ok ? <p role="alert" aria-label="Decision error" className="w-full text-[13px] text-red-600">{state.message}</p> : null}
    </form>
  );
}
