"use client";
// "View API key": password (unless confirmed in the last 10 minutes) and an optional reason; then the secret.
import { revealKeyAction } from "@/lib/actions/key-actions";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { DialogForm, DialogResult, FormDialog, useDialogAction } from "@/components/ui/form-dialog";
import { FieldError, Input, Label } from "@/components/ui/input";

type Props = { keyId: string; keyName: string; needsPassword: boolean };

export function RevealKeyDialog(props: Props) {
  return (
    <FormDialog trigger={<Button variant="secondary">View API key</Button>}>
      {() => <RevealForm {...props} />}
    </FormDialog>
  );
}

function RevealForm({ keyId, keyName, needsPassword }: Props) {
  const form = useDialogAction(revealKeyAction);
  if (form.state.ok && form.state.secret) {
    return (
      <DialogResult title="API key" description={`The secret of “${keyName}”. This view was recorded in the history.`}>
        <div className="flex items-center gap-2">
          <code data-testid="revealed-secret" className="min-w-0 flex-1 truncate rounded-md bg-slate-900 px-3 py-2 font-mono text-[13px] text-emerald-300 select-all">{form.state.secret}</code>
          <CopyButton value={form.state.secret} label="Copy key" />
        </div>
      </DialogResult>
    );
  }
  const askPassword = needsPassword || Boolean(form.state.errors?.password);
  return (
    <DialogForm
      title="View API key"
      description="Viewing a secret is recorded in the history with your name, IP address and reason. The key's creator is told by email."
      form={form}
      errorLabel="Reveal error"
      fields={{ keyId }}
      submitLabel="View key"
      pendingLabel="Checking…"
    >
      {askPassword ? (
        <div>
          <Label htmlFor="reveal-password">Confirm your password</Label>
          <Input id="reveal-password" name="password" type="password" autoComplete="current-password" autoFocus className="mt-1.5" aria-invalid={form.state.errors?.password ? true : undefined} aria-describedby="reveal-password-hint reveal-password-error" />
          <p id="reveal-password-hint" className="mt-1 text-xs text-slate-500">You won’t be asked again for 10 minutes.</p>
          <FieldError id="reveal-password-error" errors={form.state.errors?.password} />
        </div>
      ) : null}
      <div>
        <Label htmlFor="reveal-reason">Reason <span className="font-normal text-slate-400">(optional)</span></Label>
        <Input id="reveal-reason" name="reason" maxLength={500} placeholder="e.g. configuring the billing sync server" className="mt-1.5" aria-describedby="reveal-reason-error" />
        <FieldError id="reveal-reason-error" errors={form.state.errors?.reason} />
      </div>
      <FieldError id="reveal-form-error" errors={form.state.errors?.form} />
    </DialogForm>
  );
}
