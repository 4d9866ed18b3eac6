"use client";
// "Add endpoint": URL, description, events, optional partner; then the signing secret, once.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { createWebhookAction } from "@/lib/actions/webhook-actions";
import { Button } from "@/components/ui/button";
import { DialogForm, DialogResult, FormDialog, useDialogAction } from "@/components/ui/form-dialog";
import { PlusIcon } from "@/components/ui/icons";
import { FieldError, Label } from "@/components/ui/input";
import { EndpointFields } from "@/components/webhooks/endpoint-fields";
import { SigningSecretPanel } from "@/components/webhooks/signing-secret-panel";

export type PartnerOption = { id: string; name: string };

export function AddWebhookDialog({ partners }: { partners: PartnerOption[] }) {
  const router = useRouter();
  return (
    <FormDialog
      trigger={
        <Button>
          <PlusIcon /> Add endpoint
        </Button>
      }
      onClosed={() => router.refresh()} // the list learns of the new endpoint once the secret is out of view
    >
      {() => <AddWebhookForm partners={partners} />}
    </FormDialog>
  );
}

function AddWebhookForm({ partners }: { partners: PartnerOption[] }) {
  const form = useDialogAction(createWebhookAction);

  if (form.state.ok && form.state.secret && form.state.webhook) {
    return (
      <DialogResult
        title="Endpoint added"
        description={form.state.webhook.url}
        className="max-w-xl"
        persistent
        actions={
          <Button asChild variant="secondary">
            <Link href={`/settings/api/webhooks/${form.state.webhook.id}`}>Open endpoint</Link>
          </Button>
        }
      >
        <SigningSecretPanel secret={form.state.secret} />
      </DialogResult>
    );
  }

  return (
    <DialogForm
      title="Add endpoint"
      description="Keydesk calls this URL when the events you choose happen."
      className="max-w-2xl"
      form={form}
      errorLabel="Add endpoint error"
      submitLabel="Add endpoint"
      pendingLabel="Adding…"
    >
      <EndpointFields errors={form.state.errors} />
      {partners.length ? (
        <div>
          <Label htmlFor="webhook-partner">Partner <span className="font-normal text-slate-400">(optional)</span></Label>
          <select
            id="webhook-partner"
            name="partner_id"
            defaultValue=""
            className="mt-1.5 block h-9 w-full rounded-md border-0 bg-white px-3 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500 focus:outline-none aria-invalid:ring-red-500"
            aria-invalid={form.state.errors?.partner ? true : undefined}
            aria-describedby="webhook-partner-hint webhook-partner-error"
          >
            <option value="">None: this organization’s endpoint</option>
            {partners.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
          <p id="webhook-partner-hint" className="mt-1 text-xs text-slate-500">A partner’s endpoint receives only events about what that partner may read.</p>
          <FieldError id="webhook-partner-error" errors={form.state.errors?.partner} />
        </div>
      ) : null}
      <FieldError id="webhook-form-error" errors={form.state.errors?.form} />
    </DialogForm>
  );
}
