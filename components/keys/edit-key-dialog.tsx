"use client";
// "Edit": name, permissions, expiry, rate limit and allowed IPs of a key.
import type { PlanName } from "@/lib/keys/permissions";
import type { SerializedKey } from "@/lib/keys/serialize-key";
import { updateKeyAction } from "@/lib/actions/key-actions";
import { Button } from "@/components/ui/button";
import { DialogForm, FormDialog, useDialogAction } from "@/components/ui/form-dialog";
import { FieldError } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { PermissionPicker } from "@/components/keys/permission-picker";
import { AllowedIpsField, ExpiryField, NameField, RateLimitField } from "@/components/keys/key-fields";

type Props = { k: SerializedKey; plan: PlanName; orgDefaultRateLimit: number; maxLifetimeDays?: number | null };

export function EditKeyDialog(props: Props) {
  return (
    <FormDialog trigger={<Button variant="secondary">Edit</Button>}>
      {(close) => <EditKeyForm {...props} onDone={close} />}
    </FormDialog>
  );
}

function EditKeyForm({ k, plan, orgDefaultRateLimit, maxLifetimeDays, onDone }: Props & { onDone: () => void }) {
  const toast = useToast();
  const form = useDialogAction(updateKeyAction, (next) => {
    if (!next.ok) return;
    toast(next.message ?? "Saved");
    onDone();
  });
  return (
    <DialogForm
      title="Edit API key"
      description="Changes apply to the key's next request. Each change is recorded in the history."
      form={form}
      errorLabel="Edit key error"
      fields={{ keyId: k.id }}
      submitLabel="Save changes"
      pendingLabel="Saving…"
    >
      <NameField defaultValue={k.name} errors={form.state.errors} />
      <div>
        <PermissionPicker plan={plan} initialPreset={k.preset} initialPermissions={k.permissions} errorId="key-access-error" invalid={Boolean(form.state.errors?.access)} />
        <FieldError id="key-access-error" errors={form.state.errors?.access} />
      </div>
      <div className="grid gap-5 sm:grid-cols-2">
        <ExpiryField errors={form.state.errors} current={k.expires_at} allowKeep maxDays={maxLifetimeDays} />
        <RateLimitField errors={form.state.errors} orgDefault={orgDefaultRateLimit} defaultValue={k.rate_limit_per_hour} />
      </div>
      {k.canary ? null : <AllowedIpsField errors={form.state.errors} defaultValue={k.allowed_ips} />}
      <FieldError id="key-form-error" errors={form.state.errors?.form} />
    </DialogForm>
  );
}
