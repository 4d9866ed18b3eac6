"use client";
// "Create API key" (or a decoy): name, permissions, expiry, rate limit, allowed IPs; then the secret.
import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { defaultKeyName } from "@/lib/keys/default-key-name";
import type { PlanName } from "@/lib/keys/permissions";
import { Button } from "@/components/ui/button";
import { DialogForm, DialogResult, FormDialog, useDialogAction } from "@/components/ui/form-dialog";
import { PlusIcon } from "@/components/ui/icons";
import { FieldError } from "@/components/ui/input";
import { PermissionPicker } from "@/components/keys/permission-picker";
import { AllowedIpsField, ExpiryField, NameField, RateLimitField } from "@/components/keys/key-fields";
import { NewSecretPanel } from "@/components/keys/new-secret-panel";
import type { CreateKeyState, TestAnswer } from "@/lib/actions/action-state";

type Props = {
  plan: PlanName;
  orgDefaultRateLimit: number;
  showOnce: boolean;
  apiOrigin: string;
  createAction: (prev: CreateKeyState, fd: FormData) => Promise<CreateKeyState>;
  testAction: (secret: string) => Promise<TestAnswer>;
  /** A decoy key: planted where a thief would look; every use alerts. */
  decoy?: boolean;
  /** The organization's max_key_lifetime_days: the expiry choices stay within it. */
  maxLifetimeDays?: number | null;
};

export function CreateKeyDialog(props: Props) {
  const created = useRef(false);
  const router = useRouter();
  return (
    <FormDialog
      trigger={
        props.decoy ? (
          <Button variant="secondary">
            <PlusIcon /> Create decoy key
          </Button>
        ) : (
          <Button>
            <PlusIcon /> Create API key
          </Button>
        )
      }
      onClosed={() => {
        if (!created.current) return;
        created.current = false;
        router.refresh(); // show the new key in the list once the secret is out of sight
      }}
    >
      {() => <CreateKeyForm {...props} onCreated={() => (created.current = true)} />}
    </FormDialog>
  );
}

function CreateKeyForm({ plan, orgDefaultRateLimit, showOnce, apiOrigin, createAction, testAction, decoy, maxLifetimeDays, onCreated }: Props & { onCreated: () => void }) {
  const form = useDialogAction(createAction, (next) => {
    if (next.ok) onCreated();
  });
  const [defaultName] = useState(() => defaultKeyName()); // a fresh default name at each opening
  if (form.state.ok && form.state.secret && form.state.key) {
    return (
      <DialogResult
        title={decoy ? "Decoy key created" : "API key created"}
        description={decoy ? `Plant “${form.state.key.name}” where a thief would look (a config file, a wiki page). It never works; every use alerts you.` : `“${form.state.key.name}” is ready to use.`}
        persistent
      >
        <NewSecretPanel secret={form.state.secret} apiOrigin={apiOrigin} showOnce={showOnce} onTest={testAction} />
      </DialogResult>
    );
  }
  return (
    <DialogForm
      title={decoy ? "Create decoy key" : "Create API key"}
      description={
        decoy
          ? "A decoy looks like any other key but every use is refused as an unknown key and raises an alert: an audit event, a webhook (key.canary_used) and a mail to owners and admins."
          : "The key can call the Keydesk API with the permissions you choose."
      }
      form={form}
      errorLabel="Create key error"
      fields={decoy ? { canary: "on" } : undefined}
      submitLabel="Create key"
      pendingLabel="Creating…"
    >
      <NameField defaultValue={defaultName} errors={form.state.errors} />
      <div>
        <PermissionPicker plan={plan} errorId="key-access-error" invalid={Boolean(form.state.errors?.access)} />
        <FieldError id="key-access-error" errors={form.state.errors?.access} />
      </div>
      <div className="grid gap-5 sm:grid-cols-2">
        <ExpiryField errors={form.state.errors} maxDays={maxLifetimeDays} />
        <RateLimitField errors={form.state.errors} orgDefault={orgDefaultRateLimit} />
      </div>
      {decoy ? null : <AllowedIpsField errors={form.state.errors} />}
      <FieldError id="key-form-error" errors={form.state.errors?.form} />
    </DialogForm>
  );
}
