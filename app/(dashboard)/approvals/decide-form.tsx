"use client";
// Approve or Reject, then a confirmation naming the decision (a decision is final): the first click
// asks, the second decides; Cancel steps back. The comment travels with the decision.
import { useActionState, useState } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { decideApprovalAction } from "@/lib/actions/approval-actions";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";

export function DecideForm({ id, title }: { id: string; title: string }) {
  const toast = useToast();
  const [choice, setChoice] = useState<"approved" | "rejected" | null>(null);
  const [state, action, pending] = useActionState<ActionState, FormData>(async (prev, fd) => {
    const next = await decideApprovalAction(prev, fd);
    if (next.ok && next.message) toast(next.message);
    return next;
  }, {});
  return (
    <form action={action} className="flex w-full flex-wrap items-center gap-2 sm:w-auto">
      <input type="hidden" name="id" value={id} />
      <label className="sr-only" htmlFor={`comment-${id}`}>Comment on {title}</label>
      <input id={`comment-${id}`} name="comment" placeholder="Comment (optional)" className="h-8 w-full rounded-md px-2 text-sm ring-1 ring-slate-300 sm:w-48" />
      {choice ? (
        <>
          <input type="hidden" name="status" value={choice} />
          <span className="text-sm text-slate-700">{choice === "approved" ? "Approve" : "Reject"} “{title}”? This is final.</span>
          <Button size="sm" variant={choice === "approved" ? "primary" : "danger"} disabled={pending} aria-label={`Confirm: ${choice === "approved" ? "approve" : "reject"} ${title}`}>
            {pending ? "Saving…" : choice === "approved" ? "Yes, approve" : "Yes, reject"}
          </Button>
          <Button size="sm" type="button" variant="secondary" onClick={() => setChoice(null)} disabled={pending}>Cancel</Button>
        </>
      ) : (
        <>
          <Button size="sm" type="button" onClick={() => setChoice("approved")} aria-label={`Approve ${title}`}>Approve</Button>
          <Button size="sm" type="button" variant="secondary" onClick={() => setChoice("rejected")} aria-label={`Reject ${title}`}>Reject</Button>
        </>
      )}
      {state.message && !state.ok ? <p role="alert" aria-label="Decision error" className="w-full text-[13px] text-red-600">{state.message}</p> : null}
    </form>
  );
}
