"use client";
// "Edit": URL, description and events of an endpoint.
import { updateWebhookAction } from "@/lib/actions/webhook-actions";
import { Button } from "@/components/ui/button";
import { DialogForm, FormDialog, useDialogAction } from "@/components/ui/form-dialog";
import { FieldError } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { EndpointFields } from "@/components/webhooks/endpoint-fields";

type Editable = { id: string; url: string; description: string; events: string[] };

export function EditWebhookDialog({ webhook }: { webhook: Editable }) {
  return (
    <FormDialog trigger={<Button variant="secondary">Edit</Button>}>
      {(close) => <EditWebhookForm webhook={webhook} onDone={close} />}
    </FormDialog>
  );
}

function EditWebhookForm({ webhook, onDone }: { webhook: Editable; onDone: () => void }) {
  const toast = useToast();
  const form = useDialogAction(updateWebhookAction, (next) => {
    if (!next.ok) return;
    toast(next.message ?? "Endpoint updated");
    onDone();
  });
  return (
    <DialogForm
      title="Edit endpoint"
      description="Changes apply to events that happen from now on."
      className="max-w-2xl"
      form={form}
      errorLabel="Edit endpoint error"
      fields={{ webhookId: webhook.id }}
      submitLabel="Save changes"
      pendingLabel="Saving…"
    >
      <EndpointFields errors={form.state.errors} initial={webhook} />
      <FieldError id="webhook-form-error" errors={form.state.errors?.form} />
    </DialogForm>
  );
}
