"use client";
import { useActionState, useState } from "react";
import Link from "next/link";
import type { PlanName } from "@/lib/keys/permissions";
import { createPartnerAction } from "@/lib/actions/partner-actions";
import type { PartnerActionState } from "@/lib/actions/action-state";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { PlusIcon } from "@/components/ui/icons";
import { FieldError, Input, Label, FormAlert } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { LevelPicker } from "@/components/partners/level-picker";
import { MailFailure } from "@/components/partners/mail-failure";

/** "Add partner": name, contact email, level. The email carries a one-time link, never the key. */
export function AddPartnerDialog({ plan, disabled }: { plan: PlanName; disabled?: boolean }) {
  const [open, setOpen] = useState(false);
  const [generation, setGeneration] = useState(0);
  return (
    <Dialog open={open} onOpenChange={(o) => { setOpen(o); if (o) setGeneration((g) => g + 1); }}>
      <DialogTrigger asChild>
        <Button disabled={disabled}>
          <PlusIcon /> Add partner
        </Button>
      </DialogTrigger>
      {open ? <AddPartnerForm key={generation} plan={plan} onDone={() => setOpen(false)} /> : null}
    </Dialog>
  );
}

function AddPartnerForm({ plan, onDone }: { plan: PlanName; onDone: () => void }) {
  const toast = useToast();
  const [state, action, pending] = useActionState<PartnerActionState, FormData>(async (prev, fd) => {
    const next = await createPartnerAction(prev, fd);
    if (next.ok && next.mail?.status === "sent") {
      toast(`Partner added. Email sent to ${next.mail.to}`);
      onDone();
    }
    return next;
  }, {});

  if (state.ok && state.mail?.status === "failed") {
    return (
      <DialogContent title="Partner added" description="The partner and its first key exist, but the email with the link did not go out.">
        <MailFailure partnerId={state.partnerId!} keyId={state.keyId} to={state.mail.to} error={state.mail.error} />
        <DialogFooter>
          <Button asChild variant="secondary">
            <Link href={`/settings/api/partners/${state.partnerId}`}>Open partner</Link>
          </Button>
          <DialogClose asChild>
            <Button>Done</Button>
          </DialogClose>
        </DialogFooter>
      </DialogContent>
    );
  }

  return (
    <DialogContent title="Add partner" description="The partner gets an email with a one-time link to its first API key. The email never contains the key.">
      <ActionForm action={action} className="space-y-5" noValidate>
        <FormAlert label="Add partner error" message={state.message} />
        <div>
          <Label htmlFor="partner-name">Partner name</Label>
          <Input id="partner-name" name="name" maxLength={100} autoComplete="organization" placeholder="e.g. Initech" className="mt-1.5" autoFocus aria-invalid={state.errors?.name ? true : undefined} aria-describedby="partner-name-error" />
          <FieldError id="partner-name-error" errors={state.errors?.name} />
        </div>
        <div>
          <Label htmlFor="partner-email">Contact email</Label>
          <Input id="partner-email" name="email" type="email" maxLength={254} autoComplete="off" placeholder="developers@initech.example" className="mt-1.5" aria-invalid={state.errors?.email ? true : undefined} aria-describedby="partner-email-hint partner-email-error" />
          <p id="partner-email-hint" className="mt-1 text-xs text-slate-500">The link to the key goes here. It works once, for 72 hours.</p>
          <FieldError id="partner-email-error" errors={state.errors?.email} />
        </div>
        <div>
          <LevelPicker plan={plan} errorId="partner-level-error" invalid={Boolean(state.errors?.level)} />
          <FieldError id="partner-level-error" errors={state.errors?.level} />
        </div>
        <FieldError id="partner-form-error" errors={state.errors?.form} />
        <DialogFooter>
          <DialogClose asChild>
            <Button type="button" variant="secondary">Cancel</Button>
          </DialogClose>
          <Button type="submit" disabled={pending}>{pending ? "Adding…" : "Add partner and send email"}</Button>
        </DialogFooter>
      </ActionForm>
    </DialogContent>
  );
}
