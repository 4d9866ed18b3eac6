"use client";
// "Add partner": name, contact email, level. The email carries a one-time link, never the key.
import Link from "next/link";
import type { PlanName } from "@/lib/keys/permissions";
import { createPartnerAction } from "@/lib/actions/partner-actions";
import { Button } from "@/components/ui/button";
import { DialogForm, DialogResult, FormDialog, useDialogAction } from "@/components/ui/form-dialog";
import { PlusIcon } from "@/components/ui/icons";
import { FieldError, Input, Label } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { LevelPicker } from "@/components/partners/level-picker";
import { MailFailure } from "@/components/partners/mail-failure";
import { mailSentText } from "@/components/partners/mail-sent-text";

export function AddPartnerDialog({ plan, disabled }: { plan: PlanName; disabled?: boolean }) {
  return (
    <FormDialog
      trigger={
        <Button disabled={disabled}>
          <PlusIcon /> Add partner
        </Button>
      }
    >
      {(close) => <AddPartnerForm plan={plan} onDone={close} />}
    </FormDialog>
  );
}

function AddPartnerForm({ plan, onDone }: { plan: PlanName; onDone: () => void }) {
  const toast = useToast();
  const form = useDialogAction(createPartnerAction, (next) => {
    if (!next.ok || next.mail?.status !== "sent") return;
    toast(`Partner added. ${mailSentText(next.mail)}`);
    onDone();
  });

  if (form.state.ok && form.state.mail?.status === "failed") {
    return (
      <DialogResult
        title="Partner added"
        description="The partner and its first key exist, but the email with the link did not go out."
        actions={
          <Button asChild variant="secondary">
            <Link href={`/settings/api/partners/${form.state.partnerId}`}>Open partner</Link>
          </Button>
        }
      >
        <MailFailure partnerId={form.state.partnerId!} keyId={form.state.keyId} to={form.state.mail.to} error={form.state.mail.error} />
      </DialogResult>
    );
  }

  return (
    <DialogForm
      title="Add partner"
      description="The partner gets an email with a one-time link to its first API key. The email never contains the key."
      form={form}
      errorLabel="Add partner error"
      submitLabel="Add partner and send email"
      pendingLabel="Adding…"
    >
      <div>
        <Label htmlFor="partner-name">Partner name</Label>
        <Input id="partner-name" name="name" maxLength={100} autoComplete="organization" placeholder="e.g. Initech" className="mt-1.5" autoFocus aria-invalid={form.state.errors?.name ? true : undefined} aria-describedby="partner-name-error" />
        <FieldError id="partner-name-error" errors={form.state.errors?.name} />
      </div>
      <div>
        <Label htmlFor="partner-email">Contact email</Label>
        <Input id="partner-email" name="email" type="email" maxLength={254} autoComplete="off" placeholder="developers@initech.example" className="mt-1.5" aria-invalid={form.state.errors?.email ? true : undefined} aria-describedby="partner-email-hint partner-email-error" />
        <p id="partner-email-hint" className="mt-1 text-xs text-slate-500">The link to the key goes here. It works once, for 72 hours.</p>
        <FieldError id="partner-email-error" errors={form.state.errors?.email} />
      </div>
      <div>
        <LevelPicker plan={plan} errorId="partner-level-error" invalid={Boolean(form.state.errors?.level)} />
        <FieldError id="partner-level-error" errors={form.state.errors?.level} />
      </div>
      <FieldError id="partner-form-error" errors={form.state.errors?.form} />
    </DialogForm>
  );
}
