"use client";
// "Delete partner": names it and counts its keys, which all stop working at once (restorable for 30 days).
import { deletePartnerAction } from "@/lib/actions/partner-actions";
import { Button } from "@/components/ui/button";
import { DialogForm, FormDialog, useDialogAction } from "@/components/ui/form-dialog";

type Props = { partnerId: string; partnerName: string; keyCount: number };

export function DeletePartnerDialog(props: Props) {
  return (
    <FormDialog trigger={<Button variant="danger" size="sm">Delete partner</Button>}>
      {() => <DeletePartnerForm {...props} />}
    </FormDialog>
  );
}

function DeletePartnerForm({ partnerId, partnerName, keyCount }: Props) {
  const form = useDialogAction(deletePartnerAction);
  const keys = `${keyCount} key${keyCount === 1 ? "" : "s"}`;
  return (
    <DialogForm
      title={`Delete “${partnerName}”?`}
      description="The partner loses API access at once."
      form={form}
      errorLabel="Delete error"
      fields={{ partnerId }}
      submitLabel={keyCount ? `Delete partner and ${keys}` : "Delete partner"}
      pendingLabel="Deleting…"
      submitVariant="danger"
    >
      <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
        <li>{keyCount === 0 ? "It holds no live key." : keyCount === 1 ? "Its key stops working immediately." : `Its ${keys} stop working immediately.`}</li>
        <li>Links it has not opened yet stop working.</li>
        <li>You can restore the partner{keyCount ? " with its keys" : ""} from Recently deleted for 30 days.</li>
      </ul>
    </DialogForm>
  );
}
