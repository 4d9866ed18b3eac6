"use client";
// "Delete": names the URL; the endpoint and its delivery log go for good.
import { deleteWebhookAction } from "@/lib/actions/webhook-actions";
import { Button } from "@/components/ui/button";
import { DialogForm, FormDialog, useDialogAction } from "@/components/ui/form-dialog";

type Props = { webhookId: string; url: string };

export function DeleteWebhookDialog(props: Props) {
  return (
    <FormDialog trigger={<Button variant="danger">Delete</Button>}>
      {() => <DeleteWebhookForm {...props} />}
    </FormDialog>
  );
}

function DeleteWebhookForm({ webhookId, url }: Props) {
  const form = useDialogAction(deleteWebhookAction);
  return (
    <DialogForm
      title="Delete this endpoint?"
      description="Keydesk stops sending events to it at once. Deliveries still waiting are dropped and its delivery log is deleted. This cannot be undone."
      form={form}
      errorLabel="Delete error"
      fields={{ webhookId }}
      submitLabel="Delete endpoint"
      pendingLabel="Deleting…"
      submitVariant="danger"
    >
      <p className="rounded-md bg-slate-50 px-3 py-2 font-mono text-[13px] break-all text-slate-900 ring-1 ring-inset ring-slate-200" data-testid="delete-url">{url}</p>
    </DialogForm>
  );
}
