"use client";
// "Change level" of a partner, with a confirmation step listing the keys a narrower level narrows.
import { useState } from "react";
import type { PlanName } from "@/lib/keys/permissions";
import { LEVEL_LABELS, type PartnerLevel } from "@/lib/partners/partner-levels";
import { changeLevelAction } from "@/lib/actions/partner-actions";
import { Button } from "@/components/ui/button";
import { DialogForm, FormDialog, useDialogAction } from "@/components/ui/form-dialog";
import { FieldError } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { LevelPicker } from "@/components/partners/level-picker";

type Props = { partnerId: string; partnerName: string; level: PartnerLevel; plan: PlanName };

/**
 * "Change level". A narrower level first answers with the keys it would narrow; the admin sees
 * each key's permissions before and after, and only then confirms (narrow_keys).
 */
export function ChangeLevelDialog(props: Props) {
  return (
    <FormDialog trigger={<Button variant="secondary" size="sm">Change level</Button>}>
      {(close) => <ChangeLevelForm {...props} onDone={close} />}
    </FormDialog>
  );
}

function ChangeLevelForm({ partnerId, partnerName, level, plan, onDone }: Props & { onDone: () => void }) {
  const toast = useToast();
  const [back, setBack] = useState(0);
  const form = useDialogAction(changeLevelAction, (next) => {
    if (!next.ok) return;
    toast(next.message ?? "Level changed");
    onDone();
  });
  const confirm = form.state.confirmNarrow && back === 0 ? form.state.confirmNarrow : null;

  if (confirm) {
    const to = confirm.level as PartnerLevel;
    const n = confirm.keys.length;
    return (
      <DialogForm
        title={`Narrow ${n} key${n === 1 ? "" : "s"}?`}
        description={`${LEVEL_LABELS[to]} allows less than ${n === 1 ? "this key holds" : "these keys hold"}. Changing the level narrows ${n === 1 ? "it" : "them"} at once; requests that need the removed permissions will get 403.`}
        form={form}
        errorLabel="Change level error"
        fields={{ partnerId, level: to, narrow_keys: "1" }}
        submitLabel={`Narrow ${n} key${n === 1 ? "" : "s"} and change level`}
        pendingLabel="Changing…"
        submitVariant="danger"
        cancel={<Button type="button" variant="secondary" onClick={() => setBack((b) => b + 1)}>Back</Button>}
      >
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
      </DialogForm>
    );
  }

  return (
    <DialogForm
      title={`Change the level of ${partnerName}`}
      description="Keys beyond a narrower level are narrowed to it, after you confirm. A wider level does not widen existing keys."
      form={{
        ...form,
        action: (fd) => {
          setBack(0); // a new answer may ask for confirmation again
          form.action(fd);
        },
      }}
      errorLabel="Change level error"
      fields={{ partnerId }}
      submitLabel="Change level"
      pendingLabel="Checking…"
    >
      <div>
        <LevelPicker plan={plan} defaultValue={(form.state.confirmNarrow?.level as PartnerLevel | undefined) ?? level} current={level} errorId="change-level-error" invalid={Boolean(form.state.errors?.level)} />
        <FieldError id="change-level-error" errors={form.state.errors?.level} />
      </div>
    </DialogForm>
  );
}
