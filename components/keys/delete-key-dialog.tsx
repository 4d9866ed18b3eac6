"use client";
import { useActionState, useState } from "react";
import { deleteKeyAction } from "@/lib/actions/key-actions";
import type { ActionState } from "@/lib/actions/action-state";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/input";

export function DeleteKeyDialog({ keyId, keyName }: { keyId: string; keyName: string }) {
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState<ActionState, FormData>(deleteKeyAction, {});
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="danger">Delete</Button>
      </DialogTrigger>
      <DialogContent title={`Delete “${keyName}”?`} description="The key stops working immediately. You can restore it from Recently deleted for 30 days; after that it is gone for good.">
        <form action={action}>
          <input type="hidden" name="keyId" value={keyId} />
          <FormAlert label="Delete error" message={state.message} />
          <DialogFooter>
            <DialogClose asChild><Button type="button" variant="secondary">Cancel</Button></DialogClose>
            <Button type="submit" variant="danger" disabled={pending}>{pending ? "Deleting…" : "Delete key"}</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
