"use client";
import { useActionState, useState } from "react";
import { updateWebhookAction } from "@/lib/actions/webhook-actions";
import type { ActionState } from "@/lib/actions/action-state";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { FieldError, FormAlert } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { EndpointFields } from "@/components/webhooks/endpoint-fields";

type Editable = { id: string; url: string; description: string; events: string[] };

/** "Edit": URL, description and events of an endpoint. */
export function EditWebhookDialog({ webhook }: { webhook: Editable }) {
  const [open, setOpen] = useState(false);
  const [generation, setGeneration] = useState(0);
  return (
    <Dialog open={open} onOpenChange={(o) => { setOpen(o); if (o) setGeneration((g) => g + 1); }}>
      <DialogTrigger asChild>
        <Button variant="secondary">Edit</Button>
      </DialogTrigger>
      {open ? <EditForm key={generation} webhook={webhook} onDone={() => setOpen(false)} /> : null}
    </Dialog>
  );
}

function EditForm({ webhook, onDone }: { webhook: Editable; onDone: () => void }) {
  const toast = useToast();
  const [state, action, pending] = useActionState<ActionState, FormData>(async (prev, fd) => {
    const next = await updateWebhookAction(prev, fd);
    if (next.ok) {
      toast(next.message ?? "Endpoint updated");
      onDone();
    }
    return next;
  }, {});
  return (
    <DialogContent title="Edit endpoint" description="Changes apply to events that happen from now on." className="max-w-2xl">
      <ActionForm action={action} className="space-y-5" noValidate>
        <input type="hidden" name="webhookId" value={webhook.id} />
        <FormAlert label="Edit endpoint error" message={state.ok ? undefined : state.message} />
        <EndpointFields errors={state.errors} initial={webhook} />
        <FieldError id="webhook-form-error" errors={state.errors?.form} />
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
