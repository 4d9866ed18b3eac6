"use client";
// "Send test event" with its outcome beside it: delivered or not, the status code, how long it
// took, when, and the start of the receiver's answer (or the error). A test event is sent once.
import { useActionState } from "react";
import type { WebhookTestState } from "@/lib/actions/action-state";
import { Button } from "@/components/ui/button";
import { Time } from "@/components/ui/time";

export function SendTestButton({ action, webhookId, disabled, describedBy }: { action: (prev: WebhookTestState, fd: FormData) => Promise<WebhookTestState>; webhookId: string; disabled?: boolean; describedBy?: string }) {
  const [state, run, pending] = useActionState(action, {});
  const a = state.test?.attempt;
  return (
    <form action={run} className="flex min-w-0 flex-col items-start gap-2 sm:items-end">
      <input type="hidden" name="webhookId" value={webhookId} />
      <Button type="submit" size="md" disabled={pending || disabled} aria-describedby={describedBy}>
        {pending ? "Sending…" : "Send test event"}
      </Button>
      {state.test ? (
        <div role="status" data-testid="test-outcome" className={`w-full max-w-sm rounded-md p-3 text-sm ring-1 ${state.test.delivered ? "bg-emerald-50 text-emerald-900 ring-emerald-200" : "bg-red-50 text-red-900 ring-red-200"}`}>
          <p className="font-medium">{state.test.delivered ? "Delivered" : "Not delivered"}{a?.status_code ? `: HTTP ${a.status_code}` : ""}</p>
          {a ? (
            <p className="mt-0.5 text-xs opacity-80">
              {a.duration_ms} ms · <Time value={a.at} />
            </p>
          ) : null}
          {a?.error ? <p className="mt-1 text-xs break-words">{a.error}</p> : null}
          {a?.response_excerpt ? <pre aria-label="Test response" className="mt-1 max-h-24 overflow-auto rounded bg-white/60 p-2 font-mono text-[11px] whitespace-pre-wrap break-all">{a.response_excerpt.slice(0, 300)}</pre> : null}
          {!state.test.delivered ? <p className="mt-1 text-xs">Test events are not retried. Fix the receiver and send another.</p> : null}
        </div>
      ) : state.message && !state.ok ? (
        <span role="alert" className="max-w-xs text-xs text-red-600">{state.message}</span>
      ) : null}
    </form>
  );
}
