"use client";
// A claim email that could not be sent: what went wrong, and Retry (a resend: a new link, the old one void).
import { useActionState } from "react";
import { resendLinkAction } from "@/lib/actions/partner-actions";
import type { PartnerActionState } from "@/lib/actions/action-state";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { mailSentText } from "@/components/partners/mail-sent-text";

export function MailFailure({ partnerId, keyId, to, error, lead }: { partnerId: string; keyId?: string; to: string; error: string | null; lead?: string }) {
  const toast = useToast();
  const [state, run, pending] = useActionState<PartnerActionState, FormData>(async (prev, fd) => {
    const next = await resendLinkAction(prev, fd);
    if (next.ok && next.mail?.status === "sent") toast(mailSentText(next.mail));
    return next;
  }, {});
  if (state.ok && state.mail?.status === "sent") {
    return (
      <p role="status" className="rounded-md bg-emerald-50 px-3 py-2.5 text-sm text-emerald-800 ring-1 ring-inset ring-emerald-600/20">
        {mailSentText(state.mail)}. The link works once, for 72 hours.
      </p>
    );
  }
  const shownError = state.mail?.error ?? state.message ?? error;
  return (
    <div role="alert" aria-label="Email not sent" className="rounded-md bg-red-50 px-3 py-2.5 text-sm text-red-800 ring-1 ring-inset ring-red-600/20">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="font-medium">{lead ?? "The email could not be sent"}</p>
          <p className="mt-0.5 text-red-700">
            Sending to {to} failed{shownError ? <>: <span className="font-mono text-xs break-all">{shownError}</span></> : "."} Retry sends a new link; the old one stops working.
          </p>
        </div>
        <form action={run}>
          <input type="hidden" name="partnerId" value={partnerId} />
          {keyId ? <input type="hidden" name="keyId" value={keyId} /> : null}
          <Button type="submit" size="sm" variant="secondary" disabled={pending}>{pending ? "Sending…" : "Retry"}</Button>
        </form>
      </div>
    </div>
  );
}
