"use client";
import { useActionState, useState } from "react";
import { RESOURCES } from "@/lib/keys/permissions";
import { LEVEL_LABELS, LEVEL_PERMISSIONS, type PartnerLevel } from "@/lib/partners/partner-levels";
import { addPartnerKeyAction } from "@/lib/actions/partner-actions";
import type { PartnerActionState } from "@/lib/actions/action-state";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { PlusIcon } from "@/components/ui/icons";
import { FieldError, Input, Label, FormAlert } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { ExpiryField, RateLimitField } from "@/components/keys/key-fields";
import { MailFailure } from "@/components/partners/mail-failure";

type Choice = "none" | "read" | "write";

/** "Add key": another key for the partner, with permissions chosen within its level. */
export function AddPartnerKeyDialog({ partnerId, partnerName, email, level, orgDefaultRateLimit }: { partnerId: string; partnerName: string; email: string; level: PartnerLevel; orgDefaultRateLimit: number }) {
  const [open, setOpen] = useState(false);
  const [generation, setGeneration] = useState(0);
  return (
    <Dialog open={open} onOpenChange={(o) => { setOpen(o); if (o) setGeneration((g) => g + 1); }}>
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm">
          <PlusIcon /> Add key
        </Button>
      </DialogTrigger>
      {open ? <AddKeyForm key={generation} partnerId={partnerId} partnerName={partnerName} email={email} level={level} orgDefaultRateLimit={orgDefaultRateLimit} onDone={() => setOpen(false)} /> : null}
    </Dialog>
  );
}

function AddKeyForm({ partnerId, partnerName, email, level, orgDefaultRateLimit, onDone }: { partnerId: string; partnerName: string; email: string; level: PartnerLevel; orgDefaultRateLimit: number; onDone: () => void }) {
  const toast = useToast();
  const [state, action, pending] = useActionState<PartnerActionState, FormData>(async (prev, fd) => {
    const next = await addPartnerKeyAction(prev, fd);
    if (next.ok && next.mail?.status === "sent") {
      toast(`Key added. Email sent to ${next.mail.to}`);
      onDone();
    }
    return next;
  }, {});
  const allowed = LEVEL_PERMISSIONS[level];
  const resources = RESOURCES.filter((r) => allowed.some((p) => p.startsWith(`${r}:`)));
  const [grid, setGrid] = useState<Record<string, Choice>>(() => Object.fromEntries(resources.map((r) => [r, allowed.includes(`${r}:write` as never) ? "write" : "read"])));

  if (state.ok && state.mail?.status === "failed") {
    return (
      <DialogContent title="Key added" description="The key exists, but the email with its link did not go out.">
        <MailFailure partnerId={partnerId} keyId={state.keyId} to={state.mail.to} error={state.mail.error} />
        <DialogFooter>
          <DialogClose asChild><Button>Done</Button></DialogClose>
        </DialogFooter>
      </DialogContent>
    );
  }

  return (
    <DialogContent title={`Add a key for ${partnerName}`} description={`${email} gets a one-time link to the new key. Its permissions stay within the partner's level (${LEVEL_LABELS[level]}).`}>
      <ActionForm action={action} className="space-y-5" noValidate>
        <input type="hidden" name="partnerId" value={partnerId} />
        <FormAlert label="Add key error" message={state.message} />
        <div>
          <Label htmlFor="partner-key-name">Key name</Label>
          <Input id="partner-key-name" name="name" maxLength={100} placeholder={`${partnerName} key`} className="mt-1.5" aria-invalid={state.errors?.name ? true : undefined} aria-describedby="partner-key-name-hint partner-key-name-error" />
          <p id="partner-key-name-hint" className="mt-1 text-xs text-slate-500">Leave empty for “{partnerName} key”. The partner sees this name.</p>
          <FieldError id="partner-key-name-error" errors={state.errors?.name} />
        </div>
        <fieldset aria-describedby="partner-key-permissions-error" aria-invalid={state.errors?.permissions ? true : undefined}>
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
          <FieldError id="partner-key-permissions-error" errors={state.errors?.permissions} />
        </fieldset>
        <div className="grid gap-5 sm:grid-cols-2">
          <ExpiryField errors={state.errors} />
          <RateLimitField errors={state.errors} orgDefault={orgDefaultRateLimit} />
        </div>
        <FieldError id="partner-key-form-error" errors={state.errors?.form} />
        <DialogFooter>
          <DialogClose asChild><Button type="button" variant="secondary">Cancel</Button></DialogClose>
          <Button type="submit" disabled={pending}>{pending ? "Adding…" : "Add key and send link"}</Button>
        </DialogFooter>
      </ActionForm>
    </DialogContent>
  );
}
