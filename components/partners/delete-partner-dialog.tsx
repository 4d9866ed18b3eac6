"use client";
import { useActionState, useState } from "react";
import { deletePartnerAction } from "@/lib/actions/partner-actions";
import type { PartnerActionState } from "@/lib/actions/action-state";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/input";

/** "Delete partner": names it and counts its keys, which all stop working at once (restorable for 30 days). */
export function DeletePartnerDialog({ partnerId, partnerName, keyCount }: { partnerId: string; partnerName: string; keyCount: number }) {
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState<PartnerActionState, FormData>(deletePartnerAction, {});
  const keys = `${keyCount} key${keyCount === 1 ? "" : "s"}`;
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="danger" size="sm">Delete partner</Button>
      </DialogTrigger>
      <DialogContent title={`Delete “${partnerName}”?`} description="The partner loses API access at once.">
        <form action={action}>
          <input type="hidden" name="partnerId" value={partnerId} />
          <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
            <li>{keyCount === 0 ? "It holds no live key." : keyCount === 1 ? "Its key stops working immediately." : `Its ${keys} stop working immediately.`}</li>
            <li>Links it has not opened yet stop working.</li>
            <li>You can restore the partner{keyCount ? " with its keys" : ""} from Recently deleted for 30 days.</li>
          </ul>
          <FormAlert label="Delete error" message={state.message} className="mt-4" />
          <DialogFooter>
            <DialogClose asChild><Button type="button" variant="secondary">Cancel</Button></DialogClose>
            <Button type="submit" variant="danger" disabled={pending}>{pending ? "Deleting…" : keyCount ? `Delete partner and ${keys}` : "Delete partner"}</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
