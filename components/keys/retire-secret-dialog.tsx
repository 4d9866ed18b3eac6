"use client";
// "Retire" an old secret (the end of a rotation), after a confirmation that says when it was last
// used: retiring one still in use breaks whoever still sends it, at once.
import { retireSecretAction } from "@/lib/actions/key-actions";
import { Button } from "@/components/ui/button";
import { DialogForm, FormDialog, useDialogAction } from "@/components/ui/form-dialog";
import { relativeTime } from "@/components/ui/time";
import { useToast } from "@/components/ui/toast";

type Props = { keyId: string; secretId: string; masked: string; lastUsedAt: string | null; lastUsedIp: string | null };

export function RetireSecretDialog(props: Props) {
  return (
    <FormDialog trigger={<Button variant="secondary" size="sm" aria-label="Retire the old secret">Retire</Button>}>
      {(close) => <RetireForm {...props} close={close} />}
    </FormDialog>
  );
}

function RetireForm({ keyId, secretId, masked, lastUsedAt, lastUsedIp, close }: Props & { close: () => void }) {
  const toast = useToast();
  const form = useDialogAction(retireSecretAction, (next) => {
    if (!next.ok) return;
    toast(next.message ?? "Old secret retired");
    close();
  });
  const recent = lastUsedAt !== null && Date.now() - new Date(lastUsedAt).getTime() < 24 * 3600e3;
  return (
    <DialogForm title="Retire the old secret?" form={form} errorLabel="Retire error" fields={{ keyId, secretId }} submitLabel="Retire secret" pendingLabel="Retiring…" submitVariant="danger">
      <p className="text-sm text-slate-700">
        <span className="font-mono">{masked}</span> stops working at once: requests that still send it get 401.
      </p>
      <p className={recent ? "rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200" : "text-sm text-slate-600"} data-testid="retire-last-used">
        {lastUsedAt ? `Last used ${relativeTime(lastUsedAt)}${lastUsedIp ? ` from ${lastUsedIp.replace(/^::ffff:/, "")}` : ""}.` : "Never used."}
        {recent ? " It is still in use: make sure every client has the new secret first." : ""}
      </p>
    </DialogForm>
  );
}
