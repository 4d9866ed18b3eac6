"use client";
// "Add key": another key for the partner, with permissions chosen within its level.
import { useState } from "react";
import { RESOURCES } from "@/lib/keys/permissions";
import { LEVEL_LABELS, LEVEL_PERMISSIONS, type PartnerLevel } from "@/lib/partners/partner-levels";
import { addPartnerKeyAction } from "@/lib/actions/partner-actions";
import { Button } from "@/components/ui/button";
import { DialogForm, DialogResult, FormDialog, useDialogAction } from "@/components/ui/form-dialog";
import { PlusIcon } from "@/components/ui/icons";
import { FieldError, Input, Label } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { ExpiryField, RateLimitField } from "@/components/keys/key-fields";
import { gridOf, PermissionGrid } from "@/components/keys/permission-grid";
import { MailFailure } from "@/components/partners/mail-failure";
import { mailSentText } from "@/components/partners/mail-sent-text";

type Props = { partnerId: string; partnerName: string; email: string; level: PartnerLevel; orgDefaultRateLimit: number };

export function AddPartnerKeyDialog(props: Props) {
  return (
    <FormDialog
      trigger={
        <Button variant="secondary" size="sm">
          <PlusIcon /> Add key
        </Button>
      }
    >
      {(close) => <AddKeyForm {...props} onDone={close} />}
    </FormDialog>
  );
}

function AddKeyForm({ partnerId, partnerName, email, level, orgDefaultRateLimit, onDone }: Props & { onDone: () => void }) {
  const toast = useToast();
  const form = useDialogAction(addPartnerKeyAction, (next) => {
    if (!next.ok || next.mail?.status !== "sent") return;
    toast(`Key added. ${mailSentText(next.mail)}`);
    onDone();
  });
  const allowed = LEVEL_PERMISSIONS[level];
  const resources = RESOURCES.filter((r) => allowed.some((p) => p.startsWith(`${r}:`)));
  const [grid, setGrid] = useState(() => gridOf(allowed, resources));

  if (form.state.ok && form.state.mail?.status === "failed") {
    return (
      <DialogResult title="Key added" description="The key exists, but the email with its link did not go out.">
        <MailFailure partnerId={partnerId} keyId={form.state.keyId} to={form.state.mail.to} error={form.state.mail.error} />
      </DialogResult>
    );
  }

  return (
    <DialogForm
      title={`Add a key for ${partnerName}`}
      description={`${email} gets a one-time link to the new key. Its permissions stay within the partner's level (${LEVEL_LABELS[level]}).`}
      form={form}
      errorLabel="Add key error"
      fields={{ partnerId }}
      submitLabel="Add key and send link"
      pendingLabel="Adding…"
    >
      <div>
        <Label htmlFor="partner-key-name">Key name</Label>
        <Input id="partner-key-name" name="name" maxLength={100} placeholder={`${partnerName} key`} className="mt-1.5" aria-invalid={form.state.errors?.name ? true : undefined} aria-describedby="partner-key-name-hint partner-key-name-error" />
        <p id="partner-key-name-hint" className="mt-1 text-xs text-slate-500">Leave empty for “{partnerName} key”. The partner sees this name.</p>
        <FieldError id="partner-key-name-error" errors={form.state.errors?.name} />
      </div>
      <fieldset aria-describedby="partner-key-permissions-error" aria-invalid={form.state.errors?.permissions ? true : undefined}>
        <legend className="text-sm font-medium text-slate-700">Permissions</legend>
        <PermissionGrid className="mt-2" resources={resources} value={grid} onChange={setGrid} disabled={(r, l) => !allowed.includes(`${r}:${l}`)} />
        <FieldError id="partner-key-permissions-error" errors={form.state.errors?.permissions} />
      </fieldset>
      <div className="grid gap-5 sm:grid-cols-2">
        <ExpiryField errors={form.state.errors} />
        <RateLimitField errors={form.state.errors} orgDefault={orgDefaultRateLimit} />
      </div>
      <FieldError id="partner-key-form-error" errors={form.state.errors?.form} />
    </DialogForm>
  );
}
