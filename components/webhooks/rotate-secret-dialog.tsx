"use client";
// "Rotate secret": a new signing secret, shown once; the current one keeps signing for 24 hours.
import { useRouter } from "next/navigation";
import { rotateWebhookSecretAction } from "@/lib/actions/webhook-actions";
import { Button } from "@/components/ui/button";
import { DialogForm, DialogResult, FormDialog, useDialogAction } from "@/components/ui/form-dialog";
import { formatDateTime } from "@/components/ui/time";
import { SigningSecretPanel } from "@/components/webhooks/signing-secret-panel";

type Props = { webhookId: string; overlapUntil?: string | null };

export function RotateSecretDialog(props: Props) {
  const router = useRouter();
  return (
    <FormDialog trigger={<Button variant="secondary">Rotate secret</Button>} onClosed={() => router.refresh()}>
      {() => <RotateSecretForm {...props} />}
    </FormDialog>
  );
}

function RotateSecretForm({ webhookId, overlapUntil }: Props) {
  const form = useDialogAction(rotateWebhookSecretAction);
  if (form.state.ok && form.state.secret) {
    const until = form.state.webhook?.previous_secret_expires_at;
    return (
      <DialogResult title="New signing secret" description="Put it in your receiver’s configuration." className="max-w-xl" persistent>
        <SigningSecretPanel
          secret={form.state.secret}
          note={`The previous secret keeps signing alongside this one${until ? ` until ${formatDateTime(until)}` : " for 24 hours"}: deliveries carry both signatures meanwhile.`}
        />
      </DialogResult>
    );
  }
  return (
    <DialogForm
      title="Rotate signing secret"
      description="Creates a new signing secret for this endpoint and shows it once."
      form={form}
      errorLabel="Rotate error"
      fields={{ webhookId }}
      submitLabel="Rotate secret"
      pendingLabel="Rotating…"
    >
      <div>
        <p className="text-sm text-slate-600">
          The current secret keeps signing for <strong className="font-medium text-slate-900">24 hours</strong>: during that time every delivery carries a signature
          with each secret, so your receiver verifies with either one. Switch your receiver to the new secret within the 24 hours.
        </p>
        {overlapUntil ? (
          <p role="note" className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-600/20">
            The last rotation is still in its overlap (until {formatDateTime(overlapUntil)}). Rotating again stops the secret before the current one at once.
          </p>
        ) : null}
      </div>
    </DialogForm>
  );
}
