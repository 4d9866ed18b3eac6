"use client";
import { useActionState, useState } from "react";
import { deleteWebhookAction } from "@/lib/actions/webhook-actions";
import type { ActionState } from "@/lib/actions/action-state";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/input";

/** "Delete": names the URL; the endpoint and its delivery log go for good. */
export function DeleteWebhookDialog({ webhookId, url }: { webhookId: string; url: string }) {
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState<ActionState, FormData>(deleteWebhookAction, {});
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="danger">Delete</Button>
      </DialogTrigger>
      <DialogContent title="Delete this endpoint?" description="Keydesk stops sending events to it at once. Deliveries still waiting are dropped and its delivery log is deleted. This cannot be undone.">
        <form action={action}>
          <input type="hidden" name="webhookId" value={webhookId} />
          <p className="rounded-md bg-slate-50 px-3 py-2 font-mono text-[13px] break-all text-slate-900 ring-1 ring-inset ring-slate-200" data-testid="delete-url">{url}</p>
          <FormAlert label="Delete error" message={state.message} className="mt-3" />
          <DialogFooter>
            <DialogClose asChild><Button type="button" variant="secondary">Cancel</Button></DialogClose>
            <Button type="submit" variant="danger" disabled={pending}>{pending ? "Deleting…" : "Delete endpoint"}</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
