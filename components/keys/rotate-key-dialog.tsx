"use client";
// "Rotate": a new secret for the key, and when the old one stops working; then the new secret.
import { useState } from "react";
import { rotateKeyAction, testKeyAction } from "@/lib/actions/key-actions";
import { Button } from "@/components/ui/button";
import { DialogContent } from "@/components/ui/dialog";
import { DialogForm, DialogResult, FormDialog, useDialogAction } from "@/components/ui/form-dialog";
import { FieldError, Input, Label } from "@/components/ui/input";
import { NewSecretPanel } from "@/components/keys/new-secret-panel";

const CHOICES = [
  { value: "now", label: "Now", hint: "The old secret stops working immediately." },
  { value: "1h", label: "In 1 hour", hint: "" },
  { value: "24h", label: "In 24 hours", hint: "" },
  { value: "7d", label: "In 7 days", hint: "" },
  { value: "idle", label: "When it goes quiet", hint: "Retired by Keydesk once it has served no request for 24 hours (or after 30 days, whatever happens)." },
  { value: "manual", label: "When I retire it", hint: "Both secrets work until you retire the old one." },
];

type Props = { keyId: string; liveSecrets: number; apiOrigin: string; showOnce: boolean; needsPassword: boolean };
type TriggerProps = { triggerLabel?: string; urgent?: boolean };

/** Rotate: a new working secret, so the password again (unless confirmed in the last 10 minutes), like "View API key". */
export function RotateKeyDialog({ triggerLabel = "Rotate", urgent = false, ...props }: Props & TriggerProps) {
  return (
    <FormDialog trigger={<Button variant={urgent ? "danger" : "secondary"}>{triggerLabel}</Button>}>
      {() => <RotateForm {...props} />}
    </FormDialog>
  );
}

const TITLE = "Rotate API key";
const DESCRIPTION = "Creates a new secret for this key. The key keeps its name, permissions and history.";

function RotateForm({ keyId, liveSecrets, apiOrigin, showOnce, needsPassword }: Props) {
  const form = useDialogAction(rotateKeyAction);
  const [choice, setChoice] = useState("24h");
  if (form.state.ok && form.state.secret) {
    return (
      <DialogResult title="New secret created" description="Roll it out to your servers, then retire the old secret." persistent>
        <NewSecretPanel secret={form.state.secret} apiOrigin={apiOrigin} showOnce={showOnce} onTest={testKeyAction} />
      </DialogResult>
    );
  }
  if (liveSecrets >= 2) {
    return (
      <DialogContent title={TITLE} description={DESCRIPTION}>
        <div role="alert" aria-label="Rotation refused" className="rounded-md bg-amber-50 px-3 py-2.5 text-sm text-amber-900 ring-1 ring-inset ring-amber-600/20">
          This key already has two live secrets. Retire the old secret (in the Secrets list) before rotating again.
        </div>
      </DialogContent>
    );
  }
  const askPassword = needsPassword || Boolean(form.state.errors?.password);
  return (
    <DialogForm
      title={TITLE}
      description={DESCRIPTION}
      form={form}
      errorLabel="Rotate error"
      fields={{ keyId }}
      submitLabel="Create new secret"
      pendingLabel="Rotating…"
    >
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">The old secret stops working</legend>
        <div className="mt-2 grid gap-2">
          {CHOICES.map((c) => (
            <label key={c.value} className={`flex cursor-pointer items-start gap-3 rounded-md px-3 py-2 ring-1 ring-inset ${choice === c.value ? "bg-brand-50 ring-brand-500" : "ring-slate-200 hover:bg-slate-50"}`}>
              <input type="radio" name="old_secret_expiry" value={c.value} checked={choice === c.value} onChange={() => setChoice(c.value)} className="mt-0.5 accent-brand-600" />
              <span>
                <span className="block text-sm font-medium text-slate-900">{c.label}</span>
                {c.hint ? <span className="block text-[13px] text-slate-500">{c.hint}</span> : null}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {askPassword ? (
        <div>
          <Label htmlFor="rotate-password">Confirm your password</Label>
          <Input id="rotate-password" name="password" type="password" autoComplete="current-password" className="mt-1.5" aria-invalid={form.state.errors?.password ? true : undefined} aria-describedby="rotate-password-hint rotate-password-error" />
          <p id="rotate-password-hint" className="mt-1 text-xs text-slate-500">You won’t be asked again for 10 minutes.</p>
          <FieldError id="rotate-password-error" errors={form.state.errors?.password} />
        </div>
      ) : null}
      <FieldError id="rotate-form-error" errors={form.state.errors?.form} />
    </DialogForm>
  );
}
