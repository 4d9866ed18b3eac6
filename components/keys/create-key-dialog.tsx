"use client";
import { useActionState, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { defaultKeyName } from "@/lib/keys/default-key-name";
import type { PlanName } from "@/lib/keys/permissions";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogTrigger, DialogClose } from "@/components/ui/dialog";
import { PlusIcon } from "@/components/ui/icons";
import { FieldError, FormAlert } from "@/components/ui/input";
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
  const [open, setOpen] = useState(false);
  const [generation, setGeneration] = useState(0);
  const created = useRef(false);
  const router = useRouter();
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) setGeneration((g) => g + 1); // a fresh form (and default name) each time
        if (!o && created.current) {
          created.current = false;
          router.refresh(); // show the new key in the list once the secret is out of sight
        }
      }}
    >
      <DialogTrigger asChild>
        {props.decoy ? (
          <Button variant="secondary">
            <PlusIcon /> Create decoy key
          </Button>
        ) : (
          <Button>
            <PlusIcon /> Create API key
          </Button>
        )}
      </DialogTrigger>
      {open ? <CreateKeyForm key={generation} {...props} onCreated={() => (created.current = true)} /> : null}
    </Dialog>
  );
}

function CreateKeyForm({ plan, orgDefaultRateLimit, showOnce, apiOrigin, createAction, testAction, decoy, maxLifetimeDays, onCreated }: Props & { onCreated: () => void }) {
  const [state, action, pending] = useActionState(async (prev: CreateKeyState, fd: FormData) => {
    const next = await createAction(prev, fd);
    if (next.ok) onCreated();
    return next;
  }, {});
  const [defaultName] = useState(() => defaultKeyName());
  if (state.ok && state.secret && state.key) {
    return (
      <DialogContent
        title={decoy ? "Decoy key created" : "API key created"}
        description={decoy ? `Plant “${state.key.name}” where a thief would look (a config file, a wiki page). It never works; every use alerts you.` : `“${state.key.name}” is ready to use.`}
        onInteractOutside={(e) => e.preventDefault()}
      >
        <NewSecretPanel secret={state.secret} apiOrigin={apiOrigin} showOnce={showOnce} onTest={testAction} />
        <DialogFooter>
          <DialogClose asChild>
            <Button>Done</Button>
          </DialogClose>
        </DialogFooter>
      </DialogContent>
    );
  }
  return (
    <DialogContent
      title={decoy ? "Create decoy key" : "Create API key"}
      description={
        decoy
          ? "A decoy looks like any other key but every use is refused as an unknown key and raises an alert: an audit event, a webhook (key.canary_used) and a mail to owners and admins."
          : "The key can call the Keydesk API with the permissions you choose."
      }
    >
      <ActionForm action={action} className="space-y-5" noValidate>
        {decoy ? <input type="hidden" name="canary" value="on" /> : null}
        <FormAlert label="Create key error" message={state.message} />
        <NameField defaultValue={defaultName} errors={state.errors} />
        <div>
          <PermissionPicker plan={plan} errorId="key-access-error" invalid={Boolean(state.errors?.access)} />
          <FieldError id="key-access-error" errors={state.errors?.access} />
        </div>
        <div className="grid gap-5 sm:grid-cols-2">
          <ExpiryField errors={state.errors} maxDays={maxLifetimeDays} />
          <RateLimitField errors={state.errors} orgDefault={orgDefaultRateLimit} />
        </div>
        {decoy ? null : <AllowedIpsField errors={state.errors} />}
        <FieldError id="key-form-error" errors={state.errors?.form} />
        <DialogFooter>
          <DialogClose asChild>
            <Button type="button" variant="secondary">Cancel</Button>
          </DialogClose>
          <Button type="submit" disabled={pending}>{pending ? "Creating…" : "Create key"}</Button>
        </DialogFooter>
      </ActionForm>
    </DialogContent>
  );
}
