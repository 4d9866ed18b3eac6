"use client";
// "Resend link" for one key: a new one-time link by email; the previous link stops working now.
import { resendLinkAction } from "@/lib/actions/partner-actions";
import { Button } from "@/components/ui/button";
import { DialogForm, DialogResult, FormDialog, useDialogAction } from "@/components/ui/form-dialog";
import { useToast } from "@/components/ui/toast";
import { MailFailure } from "@/components/partners/mail-failure";
import { mailSentText } from "@/components/partners/mail-sent-text";

type Props = { partnerId: string; keyId: string; keyName: string; email: string; claimed: boolean };

export function ResendLinkDialog(props: Props) {
  return (
    <FormDialog trigger={<Button variant="secondary" size="sm" aria-label={`Resend link for ${props.keyName}`}>Resend link</Button>}>
      {(close) => <ResendForm {...props} onDone={close} />}
    </FormDialog>
  );
}

function ResendForm({ partnerId, keyId, keyName, email, claimed, onDone }: Props & { onDone: () => void }) {
  const toast = useToast();
  const form = useDialogAction(resendLinkAction, (next) => {
    if (!next.ok || next.mail?.status !== "sent") return;
    toast(next.mail.outbox ? `New link made. ${mailSentText(next.mail)}` : `New link sent to ${next.mail.to}`);
    onDone();
  });
  const title = `Resend the link for “${keyName}”?`;
  const description = `A new one-time link goes to ${email}, valid for 72 hours. The previous link stops working now.`;
  if (form.state.ok && form.state.mail?.status === "failed") {
    return (
      <DialogResult title={title} description={description} done={<Button variant="secondary">Close</Button>}>
        <MailFailure partnerId={partnerId} keyId={keyId} to={form.state.mail.to} error={form.state.mail.error} />
      </DialogResult>
    );
  }
  return (
    <DialogForm
      title={title}
      description={description}
      form={form}
      errorLabel="Resend error"
      fields={{ partnerId, keyId }}
      submitLabel="Send new link"
      pendingLabel="Sending…"
    >
      {claimed ? (
        <p className="rounded-md bg-amber-50 px-3 py-2.5 text-sm text-amber-900 ring-1 ring-inset ring-amber-600/20">
          The partner already claimed this key. When they open the new link the key gets a new secret, and the secret they use now stops working.
        </p>
      ) : null}
    </DialogForm>
  );
}
