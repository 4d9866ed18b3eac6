"use client";
import { useActionState, useState } from "react";
import { revealKeyAction } from "@/lib/actions/key-actions";
import type { SecretState } from "@/lib/actions/action-state";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { FieldError, Input, Label, FormAlert } from "@/components/ui/input";

/** "View API key": password (unless confirmed in the last 10 minutes) and an optional reason. */
export function RevealKeyDialog({ keyId, keyName, needsPassword }: { keyId: string; keyName: string; needsPassword: boolean }) {
  const [open, setOpen] = useState(false);
  const [generation, setGeneration] = useState(0);
  return (
    <Dialog open={open} onOpenChange={(o) => { setOpen(o); if (o) setGeneration((g) => g + 1); }}>
      <DialogTrigger asChild>
        <Button variant="secondary">View API key</Button>
      </DialogTrigger>
      {open ? <RevealForm key={generation} keyId={keyId} keyName={keyName} needsPassword={needsPassword} /> : null}
    </Dialog>
  );
}

function RevealForm({ keyId, keyName, needsPassword }: { keyId: string; keyName: string; needsPassword: boolean }) {
  const [state, action, pending] = useActionState<SecretState, FormData>(revealKeyAction, {});
  if (state.ok && state.secret) {
    return (
      <DialogContent title="API key" description={`The secret of “${keyName}”. This view was recorded in the history.`}>
        <div className="flex items-center gap-2">
          <code data-testid="revealed-secret" className="min-w-0 flex-1 truncate rounded-md bg-slate-900 px-3 py-2 font-mono text-[13px] text-emerald-300 select-all">{state.secret}</code>
          <CopyButton value={state.secret} label="Copy key" />
        </div>
        <DialogFooter>
          <DialogClose asChild>
            <Button>Done</Button>
          </DialogClose>
        </DialogFooter>
      </DialogContent>
    );
  }
  const askPassword = needsPassword || Boolean(state.errors?.password);
  return (
    <DialogContent title="View API key" description="Viewing a secret is recorded in the history with your name, IP address and reason. The key's creator is told by email.">
      <ActionForm action={action} className="space-y-5" noValidate>
        <input type="hidden" name="keyId" value={keyId} />
        <FormAlert label="Reveal error" message={state.message} />
        {askPassword ? (
          <div>
            <Label htmlFor="reveal-password">Confirm your password</Label>
            <Input id="reveal-password" name="password" type="password" autoComplete="current-password" autoFocus className="mt-1.5" aria-invalid={state.errors?.password ? true : undefined} aria-describedby="reveal-password-hint reveal-password-error" />
            <p id="reveal-password-hint" className="mt-1 text-xs text-slate-500">You won’t be asked again for 10 minutes.</p>
            <FieldError id="reveal-password-error" errors={state.errors?.password} />
          </div>
        ) : null}
        <div>
          <Label htmlFor="reveal-reason">Reason <span className="font-normal text-slate-400">(optional)</span></Label>
          <Input id="reveal-reason" name="reason" maxLength={500} placeholder="e.g. configuring the billing sync server" className="mt-1.5" aria-describedby="reveal-reason-error" />
          <FieldError id="reveal-reason-error" errors={state.errors?.reason} />
        </div>
        <FieldError id="reveal-form-error" errors={state.errors?.form} />
        <DialogFooter>
          <DialogClose asChild>
            <Button type="button" variant="secondary">Cancel</Button>
          </DialogClose>
          <Button type="submit" disabled={pending}>{pending ? "Checking…" : "View key"}</Button>
        </DialogFooter>
      </ActionForm>
    </DialogContent>
  );
}
