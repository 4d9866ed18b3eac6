"use client";
import { useActionState, useState } from "react";
import { useRouter } from "next/navigation";
import { rotateWebhookSecretAction } from "@/lib/actions/webhook-actions";
import type { WebhookSecretState } from "@/lib/actions/action-state";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { formatDateTime } from "@/components/ui/time";
import { SigningSecretPanel } from "@/components/webhooks/signing-secret-panel";
import { FormAlert } from "@/components/ui/input";

/** "Rotate secret": a new signing secret, shown once; the current one keeps signing for 24 hours. */
export function RotateSecretDialog({ webhookId, overlapUntil }: { webhookId: string; overlapUntil?: string | null }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [generation, setGeneration] = useState(0);
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) setGeneration((g) => g + 1);
        else router.refresh();
      }}
    >
      <DialogTrigger asChild>
        <Button variant="secondary">Rotate secret</Button>
      </DialogTrigger>
      {open ? <RotateForm key={generation} webhookId={webhookId} overlapUntil={overlapUntil} /> : null}
    </Dialog>
  );
}

function RotateForm({ webhookId, overlapUntil }: { webhookId: string; overlapUntil?: string | null }) {
  const [state, action, pending] = useActionState<WebhookSecretState, FormData>(rotateWebhookSecretAction, {});
  if (state.ok && state.secret) {
    const until = state.webhook?.previous_secret_expires_at;
    return (
      <DialogContent title="New signing secret" description="Put it in your receiver’s configuration." onInteractOutside={(e) => e.preventDefault()} className="max-w-xl">
        <SigningSecretPanel
          secret={state.secret}
          note={`The previous secret keeps signing alongside this one${until ? ` until ${formatDateTime(until)}` : " for 24 hours"}: deliveries carry both signatures meanwhile.`}
        />
        <DialogFooter>
          <DialogClose asChild><Button>Done</Button></DialogClose>
        </DialogFooter>
      </DialogContent>
    );
  }
  return (
    <DialogContent title="Rotate signing secret" description="Creates a new signing secret for this endpoint and shows it once.">
      <form action={action}>
        <input type="hidden" name="webhookId" value={webhookId} />
        <FormAlert label="Rotate error" message={state.message} className="mb-4" />
        <p className="text-sm text-slate-600">
          The current secret keeps signing for <strong className="font-medium text-slate-900">24 hours</strong>: during that time every delivery carries a signature
          with each secret, so your receiver verifies with either one. Switch your receiver to the new secret within the 24 hours.
        </p>
        {overlapUntil ? (
          <p role="note" className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-600/20">
            The last rotation is still in its overlap (until {formatDateTime(overlapUntil)}). Rotating again stops the secret before the current one at once.
          </p>
        ) : null}
        <DialogFooter>
          <DialogClose asChild><Button type="button" variant="secondary">Cancel</Button></DialogClose>
          <Button type="submit" disabled={pending}>{pending ? "Rotating…" : "Rotate secret"}</Button>
        </DialogFooter>
      </form>
    </DialogContent>
  );
}
