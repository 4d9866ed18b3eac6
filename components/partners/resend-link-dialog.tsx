"use client";
import { useActionState, useState } from "react";
import { resendLinkAction } from "@/lib/actions/partner-actions";
import type { PartnerActionState } from "@/lib/actions/action-state";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import { MailFailure } from "@/components/partners/mail-failure";
import { FormAlert } from "@/components/ui/input";

/** "Resend link" for one key: a new one-time link by email; the previous link stops working now. */
export function ResendLinkDialog({ partnerId, keyId, keyName, email, claimed }: { partnerId: string; keyId: string; keyName: string; email: string; claimed: boolean }) {
  const [open, setOpen] = useState(false);
  const [generation, setGeneration] = useState(0);
  return (
    <Dialog open={open} onOpenChange={(o) => { setOpen(o); if (o) setGeneration((g) => g + 1); }}>
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm" aria-label={`Resend link for ${keyName}`}>Resend link</Button>
      </DialogTrigger>
      {open ? <ResendForm key={generation} partnerId={partnerId} keyId={keyId} keyName={keyName} email={email} claimed={claimed} onDone={() => setOpen(false)} /> : null}
    </Dialog>
  );
}

function ResendForm({ partnerId, keyId, keyName, email, claimed, onDone }: { partnerId: string; keyId: string; keyName: string; email: string; claimed: boolean; onDone: () => void }) {
  const toast = useToast();
  const [state, action, pending] = useActionState<PartnerActionState, FormData>(async (prev, fd) => {
    const next = await resendLinkAction(prev, fd);
    if (next.ok && next.mail?.status === "sent") {
      toast(`New link sent to ${next.mail.to}`);
      onDone();
    }
    return next;
  }, {});
  return (
    <DialogContent title={`Resend the link for “${keyName}”?`} description={`A new one-time link goes to ${email}, valid for 72 hours. The previous link stops working now.`}>
      {state.ok && state.mail?.status === "failed" ? (
        <MailFailure partnerId={partnerId} keyId={keyId} to={state.mail.to} error={state.mail.error} />
      ) : (
        <form action={action} className="space-y-4">
          <input type="hidden" name="partnerId" value={partnerId} />
          <input type="hidden" name="keyId" value={keyId} />
          {claimed ? (
            <p className="rounded-md bg-amber-50 px-3 py-2.5 text-sm text-amber-900 ring-1 ring-inset ring-amber-600/20">
              The partner already claimed this key. When they open the new link the key gets a new secret, and the secret they use now stops working.
            </p>
          ) : null}
          <FormAlert label="Resend error" message={state.message} />
          <DialogFooter>
            <DialogClose asChild><Button type="button" variant="secondary">Cancel</Button></DialogClose>
            <Button type="submit" disabled={pending}>{pending ? "Sending…" : "Send new link"}</Button>
          </DialogFooter>
        </form>
      )}
      {state.ok && state.mail?.status === "failed" ? (
        <DialogFooter>
          <DialogClose asChild><Button variant="secondary">Close</Button></DialogClose>
        </DialogFooter>
      ) : null}
    </DialogContent>
  );
}
