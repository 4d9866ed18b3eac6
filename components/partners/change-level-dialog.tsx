"use client";
import { useActionState, useState } from "react";
import type { PlanName } from "@/lib/keys/permissions";
import { LEVEL_LABELS, type PartnerLevel } from "@/lib/partners/partner-levels";
import { changeLevelAction } from "@/lib/actions/partner-actions";
import type { PartnerActionState } from "@/lib/actions/action-state";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { FieldError, FormAlert } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { LevelPicker } from "@/components/partners/level-picker";

/**
 * "Change level". A narrower level first answers with the keys it would narrow; the admin sees
 * each key's permissions before and after, and only then confirms (narrow_keys).
 */
export function ChangeLevelDialog({ partnerId, partnerName, level, plan }: { partnerId: string; partnerName: string; level: PartnerLevel; plan: PlanName }) {
  const [open, setOpen] = useState(false);
  const [generation, setGeneration] = useState(0);
  return (
    <Dialog open={open} onOpenChange={(o) => { setOpen(o); if (o) setGeneration((g) => g + 1); }}>
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm">Change level</Button>
      </DialogTrigger>
      {open ? <ChangeLevelForm key={generation} partnerId={partnerId} partnerName={partnerName} level={level} plan={plan} onDone={() => setOpen(false)} /> : null}
    </Dialog>
  );
}

function ChangeLevelForm({ partnerId, partnerName, level, plan, onDone }: { partnerId: string; partnerName: string; level: PartnerLevel; plan: PlanName; onDone: () => void }) {
  const toast = useToast();
  const [back, setBack] = useState(0);
  const [state, action, pending] = useActionState<PartnerActionState, FormData>(async (prev, fd) => {
    const next = await changeLevelAction(prev, fd);
    if (next.ok) {
      toast(next.message ?? "Level changed");
      onDone();
    }
    return next;
  }, {});
  const confirm = state.confirmNarrow && back === 0 ? state.confirmNarrow : null;

  if (confirm) {
    const to = confirm.level;
    const n = confirm.keys.length;
    return (
      <DialogContent title={`Narrow ${n} key${n === 1 ? "" : "s"}?`} description={`${LEVEL_LABELS[to]} allows less than ${n === 1 ? "this key holds" : "these keys hold"}. Changing the level narrows ${n === 1 ? "it" : "them"} at once; requests that need the removed permissions will get 403.`}>
        <ActionForm action={action}>
          <input type="hidden" name="partnerId" value={partnerId} />
          <input type="hidden" name="level" value={to} />
          <input type="hidden" name="narrow_keys" value="1" />
          <ul aria-label="Keys to narrow" className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
            {confirm.keys.map((k) => {
              const removed = k.permissions.filter((p) => !k.narrowed_to.includes(p));
              return (
                <li key={k.id} className="px-3 py-2.5 text-sm">
                  <p className="font-medium text-slate-900">{k.name}</p>
                  <p className="mt-1 text-[13px] text-slate-600">
                    Keeps <span className="font-mono text-xs">{k.narrowed_to.join(", ")}</span>
                  </p>
                  <p className="text-[13px] text-red-700">
                    Loses <span className="font-mono text-xs">{removed.join(", ")}</span>
                  </p>
                </li>
              );
            })}
          </ul>
          <FormAlert label="Change level error" message={state.message} className="mt-4" />
          <DialogFooter>
            <Button type="button" variant="secondary" onClick={() => setBack((b) => b + 1)}>Back</Button>
            <Button type="submit" variant="danger" disabled={pending}>{pending ? "Changing…" : `Narrow ${n} key${n === 1 ? "" : "s"} and change level`}</Button>
          </DialogFooter>
        </ActionForm>
      </DialogContent>
    );
  }

  return (
    <DialogContent title={`Change the level of ${partnerName}`} description="Keys beyond a narrower level are narrowed to it, after you confirm. A wider level does not widen existing keys.">
      <ActionForm
        action={(fd) => {
          setBack(0);
          action(fd);
        }}
        className="space-y-5"
        noValidate
      >
        <input type="hidden" name="partnerId" value={partnerId} />
        <FormAlert label="Change level error" message={state.message} />
        <div>
          <LevelPicker plan={plan} defaultValue={state.confirmNarrow?.level ?? level} current={level} errorId="change-level-error" invalid={Boolean(state.errors?.level)} />
          <FieldError id="change-level-error" errors={state.errors?.level} />
        </div>
        <DialogFooter>
          <DialogClose asChild><Button type="button" variant="secondary">Cancel</Button></DialogClose>
          <Button type="submit" disabled={pending}>{pending ? "Checking…" : "Change level"}</Button>
        </DialogFooter>
      </ActionForm>
    </DialogContent>
  );
}
