"use client";
// "Add key": another key for the partner, with permissions chosen within its level.
import { useState } from "react";
import { RESOURCES } from "@/lib/keys/permissions";
import { LEVEL_LABELS, LEVEL_PERMISSIONS, type PartnerLevel } from "@/lib/partners/partner-levels";
import { addPartnerKeyAction } from "@/app/(dashboard)/settings/api/partners/actions";
import { Button } from "@/components/ui/button";
import { DialogForm, DialogResult, FormDialog, useDialogAction } from "@/components/ui/form-dialog";
import { PlusIcon } from "@/components/ui/icons";
import { FieldError, Input, Label } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { ExpiryField, RateLimitField } from "@/components/keys/key-fields";
import { MailFailure } from "@/components/partners/mail-failure";

type Choice = "none" | "read" | "write";
type Props = { partnerId: string; partnerName: string; email: string; level: PartnerLevel; orgDefaultRateLimit: number };

export function AddPartnerKeyDialog(props: Props) {
  return (
    <FormDialog
      trigger={
        <Button variant="secondary" size="sm">
          <PlusIcon /> Add key
        </Button>
      }
    >
      {(close) => <AddKeyForm {...props} onDone={close} />}
    </FormDialog>
  );
}

function AddKeyForm({ partnerId, partnerName, email, level, orgDefaultRateLimit, onDone }: Props & { onDone: () => void }) {
  const toast = useToast();
  const form = useDialogAction(addPartnerKeyAction, (next) => {
    if (!next.ok || next.mail?.status !== "sent") return;
    toast(`Key added. Email sent to ${next.mail.to}`);
    onDone();
  });
  const allowed = LEVEL_PERMISSIONS[level];
  const resources = RESOURCES.filter((r) => allowed.some((p) => p.startsWith(`${r}:`)));
  const [grid, setGrid] = useState<Record<string, Choice>>(() => Object.fromEntries(resources.map((r) => [r, allowed.includes(`${r}:write` as never) ? "write" : "read"])));

  if (form.state.ok && form.state.mail?.status === "failed") {
    return (
      <DialogResult title="Key added" description="The key exists, but the email with its link did not go out.">
        <MailFailure partnerId={partnerId} keyId={form.state.keyId} to={form.state.mail.to} error={form.state.mail.error} />
      </DialogResult>
    );
  }

  return (
    <DialogForm
      title={`Add a key for ${partnerName}`}
      description={`${email} gets a one-time link to the new key. Its permissions stay within the partner's level (${LEVEL_LABELS[level]}).`}
      form={form}
      errorLabel="Add key error"
      fields={{ partnerId }}
      submitLabel="Add key and send link"
      pendingLabel="Adding…"
    >
      <div>
        <Label htmlFor="partner-key-name">Key name</Label>
        <Input id="partner-key-name" name="name" maxLength={100} placeholder={`${partnerName} key`} className="mt-1.5" aria-invalid={form.state.errors?.name ? true : undefined} aria-describedby="partner-key-name-hint partner-key-name-error" />
        <p id="partner-key-name-hint" className="mt-1 text-xs text-slate-500">Leave empty for “{partnerName} key”. The partner sees this name.</p>
        <FieldError id="partner-key-name-error" errors={form.state.errors?.name} />
      </div>
      <fieldset aria-describedby="partner-key-permissions-error" aria-invalid={form.state.errors?.permissions ? true : undefined}>
        <legend className="text-sm font-medium text-slate-700">Permissions</legend>
        <div className="mt-2 overflow-hidden rounded-md ring-1 ring-slate-200">
          <table className="w-full text-sm">
            <thead className="bg-slate-50 text-xs text-slate-500">
              <tr>
                <th scope="col" className="px-3 py-2 text-left font-medium">Resource</th>
                {(["none", "read", "write"] as const).map((l) => (
                  <th key={l} scope="col" className="w-16 px-2 py-2 text-center font-medium capitalize">{l}</th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {resources.map((r) => (
                <tr key={r}>
                  <th scope="row" className="px-3 py-1.5 text-left font-normal text-slate-700 capitalize">{r}</th>
                  {(["none", "read", "write"] as const).map((l) => {
                    const off = l === "write" && !allowed.includes(`${r}:write` as never);
                    return (
                      <td key={l} className="px-2 py-1.5 text-center">
                        <input type="radio" name={`perm_${r}`} value={l} aria-label={`${r}: ${l}`} checked={grid[r] === l} disabled={off} onChange={() => setGrid((g) => ({ ...g, [r]: l }))} className="accent-brand-600 disabled:opacity-30" />
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <FieldError id="partner-key-permissions-error" errors={form.state.errors?.permissions} />
      </fieldset>
      <div className="grid gap-5 sm:grid-cols-2">
        <ExpiryField errors={form.state.errors} />
        <RateLimitField errors={form.state.errors} orgDefault={orgDefaultRateLimit} />
      </div>
      <FieldError id="partner-key-form-error" errors={form.state.errors?.form} />
    </DialogForm>
  );
}
