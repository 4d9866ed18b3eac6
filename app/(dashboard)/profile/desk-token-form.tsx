"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { FieldError, Input, Label } from "@/components/ui/input";
import { mintDeskTokenAction, revokeDeskTokenAction, type MintState } from "@/lib/actions/profile-actions";

export function MintDeskTokenForm() {
  const [state, action, pending] = useActionState<MintState, FormData>(mintDeskTokenAction, {});
  return (
    <div className="space-y-4 px-5 py-4">
      <form action={action} className="flex flex-wrap items-end gap-3">
        <div>
          <Label htmlFor="dt-name">Name</Label>
          <Input id="dt-name" name="name" placeholder="Release script" className="mt-1 w-56" aria-describedby="dt-name-error" />
          <FieldError id="dt-name-error" errors={state.errors?.name} />
        </div>
        <div>
          <Label htmlFor="dt-hours">Expires after</Label>
          <select id="dt-hours" name="expires_in_hours" defaultValue="8" className="mt-1 block h-9 rounded-md px-2 text-sm ring-1 ring-slate-300" aria-describedby="dt-hours-error">
            <option value="1">1 hour</option>
            <option value="8">8 hours</option>
            <option value="24">24 hours</option>
          </select>
          <FieldError id="dt-hours-error" errors={state.errors?.expires_in_hours} />
        </div>
        <Button type="submit" disabled={pending}>Create desk token</Button>
      </form>
      {state.token ? (
        <div className="rounded-md bg-amber-50 p-3 text-sm ring-1 ring-amber-200" role="status" aria-label="New desk token">
          <p className="font-medium text-amber-900">Copy this token now: it is not shown again.</p>
          <div className="mt-2 flex items-center gap-2">
            <code className="rounded bg-white px-2 py-1 font-mono text-[13px] break-all" data-testid="desk-token">{state.token}</code>
            <CopyButton value={state.token} />
          </div>
          <p className="mt-2 text-amber-900">Use it as <code>Authorization: DeskToken {"<token>"}</code> on /api/v2/approvals/*.</p>
        </div>
      ) : null}
    </div>
  );
}

export function RevokeButton({ id, name }: { id: string; name: string }) {
  return (
    <form action={async () => { await revokeDeskTokenAction(id); }}>
      <Button size="sm" variant="secondary" type="submit" aria-label={`Revoke ${name}`}>Revoke</Button>
    </form>
  );
}
