"use client";
// "Edit": name and contact email. Links already sent keep working; new ones go to the new address.
import { updatePartnerDetailsAction } from "@/lib/actions/partner-actions";
import { Button } from "@/components/ui/button";
import { DialogForm, FormDialog, useDialogAction } from "@/components/ui/form-dialog";
import { FieldError, Input, Label } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";

type Props = { partnerId: string; name: string; email: string };

export function EditPartnerDialog(props: Props) {
  return (
    <FormDialog trigger={<Button variant="secondary" size="sm">Edit</Button>}>
      {(close) => <EditPartnerForm {...props} onDone={close} />}
    </FormDialog>
  );
}

function EditPartnerForm({ partnerId, name, email, onDone }: Props & { onDone: () => void }) {
  const toast = useToast();
  const form = useDialogAction(updatePartnerDetailsAction, (next) => {
    if (!next.ok) return;
    toast(next.message ?? "Saved");
    onDone();
  });
  return (
    <DialogForm
      title="Edit partner"
      description="Links already sent keep working. New links go to the contact email."
      form={form}
      errorLabel="Edit partner error"
      fields={{ partnerId }}
      submitLabel="Save changes"
      pendingLabel="Saving…"
    >
      <div>
        <Label htmlFor="edit-partner-name">Partner name</Label>
        <Input id="edit-partner-name" name="name" defaultValue={name} maxLength={100} className="mt-1.5" aria-invalid={form.state.errors?.name ? true : undefined} aria-describedby="edit-partner-name-error" />
        <FieldError id="edit-partner-name-error" errors={form.state.errors?.name} />
      </div>
      <div>
        <Label htmlFor="edit-partner-email">Contact email</Label>
        <Input id="edit-partner-email" name="email" type="email" defaultValue={email} maxLength={254} className="mt-1.5" aria-invalid={form.state.errors?.email ? true : undefined} aria-describedby="edit-partner-email-error" />
        <FieldError id="edit-partner-email-error" errors={form.state.errors?.email} />
      </div>
    </DialogForm>
  );
}
