"use client";
import { useActionState, useState } from "react";
import { updatePartnerDetailsAction } from "@/lib/actions/partner-actions";
import type { PartnerActionState } from "@/lib/actions/action-state";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { FieldError, Input, Label, FormAlert } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";

/** "Edit": name and contact email. Links already sent keep working; new ones go to the new address. */
export function EditPartnerDialog({ partnerId, name, email }: { partnerId: string; name: string; email: string }) {
  const [open, setOpen] = useState(false);
  const [generation, setGeneration] = useState(0);
  return (
    <Dialog open={open} onOpenChange={(o) => { setOpen(o); if (o) setGeneration((g) => g + 1); }}>
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm">Edit</Button>
      </DialogTrigger>
      {open ? <EditForm key={generation} partnerId={partnerId} name={name} email={email} onDone={() => setOpen(false)} /> : null}
    </Dialog>
  );
}

function EditForm({ partnerId, name, email, onDone }: { partnerId: string; name: string; email: string; onDone: () => void }) {
  const toast = useToast();
  const [state, action, pending] = useActionState<PartnerActionState, FormData>(async (prev, fd) => {
    const next = await updatePartnerDetailsAction(prev, fd);
    if (next.ok) {
      toast(next.message ?? "Saved");
      onDone();
    }
    return next;
  }, {});
  return (
    <DialogContent title="Edit partner" description="Links already sent keep working. New links go to the contact email.">
      <ActionForm action={action} className="space-y-5" noValidate>
        <input type="hidden" name="partnerId" value={partnerId} />
        <FormAlert label="Edit partner error" message={state.ok ? undefined : state.message} />
        <div>
          <Label htmlFor="edit-partner-name">Partner name</Label>
          <Input id="edit-partner-name" name="name" defaultValue={name} maxLength={100} className="mt-1.5" aria-invalid={state.errors?.name ? true : undefined} aria-describedby="edit-partner-name-error" />
          <FieldError id="edit-partner-name-error" errors={state.errors?.name} />
        </div>
        <div>
          <Label htmlFor="edit-partner-email">Contact email</Label>
          <Input id="edit-partner-email" name="email" type="email" defaultValue={email} maxLength={254} className="mt-1.5" aria-invalid={state.errors?.email ? true : undefined} aria-describedby="edit-partner-email-error" />
          <FieldError id="edit-partner-email-error" errors={state.errors?.email} />
        </div>
        <DialogFooter>
          <DialogClose asChild><Button type="button" variant="secondary">Cancel</Button></DialogClose>
          <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save changes"}</Button>
        </DialogFooter>
      </ActionForm>
    </DialogContent>
  );
}
