"use client";
// "Delete": the key stops working at once and can be restored for 30 days.
import { deleteKeyAction } from "@/lib/actions/key-actions";
import { Button } from "@/components/ui/button";
import { DialogForm, FormDialog, useDialogAction } from "@/components/ui/form-dialog";

export function DeleteKeyDialog({ keyId, keyName }: { keyId: string; keyName: string }) {
  return (
    <FormDialog trigger={<Button variant="danger">Delete this key</Button>}>
      {() => <DeleteKeyForm keyId={keyId} keyName={keyName} />}
    </FormDialog>
  );
}

function DeleteKeyForm({ keyId, keyName }: { keyId: string; keyName: string }) {
  const form = useDialogAction(deleteKeyAction);
  return (
    <DialogForm
      title={`Delete “${keyName}”?`}
      description="The key stops working immediately. You can restore it from Recently deleted for 30 days; after that it is gone for good."
      form={form}
      errorLabel="Delete error"
      fields={{ keyId }}
      submitLabel="Delete key"
      pendingLabel="Deleting…"
      submitVariant="danger"
    />
  );
}
