"use client";
import { useActionState, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { createWebhookAction } from "@/lib/actions/webhook-actions";
import type { WebhookSecretState } from "@/lib/actions/action-state";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { PlusIcon } from "@/components/ui/icons";
import { FieldError, Label, FormAlert } from "@/components/ui/input";
import { EndpointFields } from "@/components/webhooks/endpoint-fields";
import { SigningSecretPanel } from "@/components/webhooks/signing-secret-panel";

export type PartnerOption = { id: string; name: string };

/** "Add endpoint": URL, description, events, optional partner; then the signing secret, once. */
export function AddWebhookDialog({ partners }: { partners: PartnerOption[] }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [generation, setGeneration] = useState(0);
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) setGeneration((g) => g + 1);
        else router.refresh(); // the list learns of the new endpoint once the secret is out of view
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <PlusIcon /> Add endpoint
        </Button>
      </DialogTrigger>
      {open ? <AddWebhookForm key={generation} partners={partners} /> : null}
    </Dialog>
  );
}

function AddWebhookForm({ partners }: { partners: PartnerOption[] }) {
  const [state, action, pending] = useActionState<WebhookSecretState, FormData>(createWebhookAction, {});

  if (state.ok && state.secret && state.webhook) {
    return (
      <DialogContent title="Endpoint added" description={state.webhook.url} onInteractOutside={(e) => e.preventDefault()} className="max-w-xl">
        <SigningSecretPanel secret={state.secret} />
        <DialogFooter>
          <Button asChild variant="secondary">
            <Link href={`/settings/api/webhooks/${state.webhook.id}`}>Open endpoint</Link>
          </Button>
          <DialogClose asChild>
            <Button>Done</Button>
          </DialogClose>
        </DialogFooter>
      </DialogContent>
    );
  }

  return (
    <DialogContent title="Add endpoint" description="Keydesk calls this URL when the events you choose happen." className="max-w-2xl">
      <ActionForm action={action} className="space-y-5" noValidate>
        <FormAlert label="Add endpoint error" message={state.message} />
        <EndpointFields errors={state.errors} />
        {partners.length ? (
          <div>
            <Label htmlFor="webhook-partner">Partner <span className="font-normal text-slate-400">(optional)</span></Label>
            <select
              id="webhook-partner"
              name="partner_id"
              defaultValue=""
              className="mt-1.5 block h-9 w-full rounded-md border-0 bg-white px-3 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500 focus:outline-none aria-invalid:ring-red-500"
              aria-invalid={state.errors?.partner ? true : undefined}
              aria-describedby="webhook-partner-hint webhook-partner-error"
            >
              <option value="">None: this organization’s endpoint</option>
              {partners.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </select>
            <p id="webhook-partner-hint" className="mt-1 text-xs text-slate-500">A partner’s endpoint receives only events about what that partner may read.</p>
            <FieldError id="webhook-partner-error" errors={state.errors?.partner} />
          </div>
        ) : null}
        <FieldError id="webhook-form-error" errors={state.errors?.form} />
        <DialogFooter>
          <DialogClose asChild>
            <Button type="button" variant="secondary">Cancel</Button>
          </DialogClose>
          <Button type="submit" disabled={pending}>{pending ? "Adding…" : "Add endpoint"}</Button>
        </DialogFooter>
      </ActionForm>
    </DialogContent>
  );
}
