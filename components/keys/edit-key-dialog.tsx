"use client";
import { useActionState, useState } from "react";
import type { PlanName } from "@/lib/keys/permissions";
import type { SerializedKey } from "@/lib/keys/serialize-key";
import { updateKeyAction } from "@/lib/actions/key-actions";
import type { ActionState } from "@/lib/actions/action-state";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { FieldError, FormAlert } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { PermissionPicker } from "@/components/keys/permission-picker";
import { AllowedIpsField, ExpiryField, NameField, RateLimitField } from "@/components/keys/key-fields";

export function EditKeyDialog({ k, plan, orgDefaultRateLimit, maxLifetimeDays }: { k: SerializedKey; plan: PlanName; orgDefaultRateLimit: number; maxLifetimeDays?: number | null }) {
  const [open, setOpen] = useState(false);
  const [generation, setGeneration] = useState(0);
  return (
    <Dialog open={open} onOpenChange={(o) => { setOpen(o); if (o) setGeneration((g) => g + 1); }}>
      <DialogTrigger asChild>
        <Button variant="secondary">Edit</Button>
      </DialogTrigger>
      {open ? <EditForm key={generation} k={k} plan={plan} orgDefaultRateLimit={orgDefaultRateLimit} maxLifetimeDays={maxLifetimeDays} onDone={() => setOpen(false)} /> : null}
    </Dialog>
  );
}

function EditForm({ k, plan, orgDefaultRateLimit, maxLifetimeDays, onDone }: { k: SerializedKey; plan: PlanName; orgDefaultRateLimit: number; maxLifetimeDays?: number | null; onDone: () => void }) {
  const toast = useToast();
  const [state, action, pending] = useActionState<ActionState, FormData>(async (prev, fd) => {
    const next = await updateKeyAction(prev, fd);
    if (next.ok) {
      toast(next.message ?? "Saved");
      onDone();
    }
    return next;
  }, {});
  return (
    <DialogContent title="Edit API key" description="Changes apply to the key's next request. Each change is recorded in the history.">
      <ActionForm action={action} className="space-y-5" noValidate>
        <input type="hidden" name="keyId" value={k.id} />
        <FormAlert label="Edit key error" message={state.ok ? undefined : state.message} />
        <NameField defaultValue={k.name} errors={state.errors} />
        <div>
          <PermissionPicker plan={plan} initialPreset={k.preset} initialPermissions={k.permissions} errorId="key-access-error" invalid={Boolean(state.errors?.access)} />
          <FieldError id="key-access-error" errors={state.errors?.access} />
        </div>
        <div className="grid gap-5 sm:grid-cols-2">
          <ExpiryField errors={state.errors} current={k.expires_at} allowKeep maxDays={maxLifetimeDays} />
          <RateLimitField errors={state.errors} orgDefault={orgDefaultRateLimit} defaultValue={k.rate_limit_per_hour} />
        </div>
        {k.canary ? null : <AllowedIpsField errors={state.errors} defaultValue={k.allowed_ips} />}
        <FieldError id="key-form-error" errors={state.errors?.form} />
        <DialogFooter>
          <DialogClose asChild>
            <Button type="button" variant="secondary">Cancel</Button>
          </DialogClose>
          <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save changes"}</Button>
        </DialogFooter>
      </ActionForm>
    </DialogContent>
  );
}
