"use client";
// The team screen's dialogs: invite by email, change a member's role, remove a member. Each is a
// FormDialog over its server action (lib/actions/team-actions.ts); success toasts and closes.
import type { ActionState } from "@/lib/actions/action-state";
import { changeMemberRoleAction, inviteMemberAction, removeMemberAction } from "@/lib/actions/team-actions";
import { ROLE_LABELS, ROLE_WORDS, type Role } from "@/lib/auth/roles";
import { Button } from "@/components/ui/button";
import { DialogForm, FormDialog, useDialogAction } from "@/components/ui/form-dialog";
import { FieldError } from "@/components/ui/input";
import { TextField } from "@/components/ui/text-field";
import { useToast } from "@/components/ui/toast";

function useTeamAction(action: (prev: ActionState, fd: FormData) => Promise<ActionState>, close: () => void) {
  const toast = useToast();
  return useDialogAction(action, (next) => {
    if (!next.ok) return;
    toast(next.message ?? "Done");
    close();
  });
}

/** The roles as radio cards, those above what the signed-in user may grant left out. */
function RolePicker({ grantable, defaultValue, errors }: { grantable: Role[]; defaultValue: Role; errors?: string[] }) {
  return (
    <fieldset aria-describedby="role-error">
      <legend className="text-sm font-medium text-slate-700">Role</legend>
      <div className="mt-2 grid gap-2">
        {grantable.map((r) => (
          <label key={r} className="flex cursor-pointer items-start gap-3 rounded-md px-3 py-2.5 ring-1 ring-slate-200 ring-inset has-[:checked]:bg-brand-50 has-[:checked]:ring-brand-500">
            <input type="radio" name="role" value={r} defaultChecked={r === defaultValue} className="mt-0.5 accent-brand-600" aria-label={ROLE_LABELS[r]} />
            <span>
              <span className="block text-sm font-medium text-slate-900">{ROLE_LABELS[r]}</span>
              <span className="block text-xs text-slate-500">{ROLE_WORDS[r]}</span>
            </span>
          </label>
        ))}
      </div>
      <FieldError id="role-error" errors={errors} />
    </fieldset>
  );
}

export function InviteMemberDialog({ grantable }: { grantable: Role[] }) {
  return (
    <FormDialog trigger={<Button>Invite member</Button>}>
      {(close) => <InviteForm grantable={grantable} close={close} />}
    </FormDialog>
  );
}

function InviteForm({ grantable, close }: { grantable: Role[]; close: () => void }) {
  const form = useTeamAction(inviteMemberAction, close);
  return (
    <DialogForm title="Invite member" description="They get an email with a link to set a password and join. The link works once, for 7 days." form={form} errorLabel="Invite error" submitLabel="Send invitation" pendingLabel="Sending…">
      <TextField name="email" label="Email" type="email" autoComplete="off" required errors={form.state.errors?.email} />
      <RolePicker grantable={grantable} defaultValue="agent" errors={form.state.errors?.role} />
    </DialogForm>
  );
}

export function ChangeRoleDialog({ userId, email, role, grantable }: { userId: string; email: string; role: Role; grantable: Role[] }) {
  return (
    <FormDialog trigger={<Button variant="secondary" size="sm" aria-label={`Change role of ${email}`}>Change role</Button>}>
      {(close) => <ChangeRoleForm userId={userId} email={email} role={role} grantable={grantable} close={close} />}
    </FormDialog>
  );
}

function ChangeRoleForm({ userId, email, role, grantable, close }: { userId: string; email: string; role: Role; grantable: Role[]; close: () => void }) {
  const form = useTeamAction(changeMemberRoleAction, close);
  return (
    <DialogForm title="Change role" description={`${email} is ${ROLE_LABELS[role]} now.`} form={form} errorLabel="Change role error" fields={{ userId }} submitLabel="Change role" pendingLabel="Saving…">
      <RolePicker grantable={grantable} defaultValue={role} errors={form.state.errors?.role} />
    </DialogForm>
  );
}

export function RemoveMemberDialog({ userId, email, organization }: { userId: string; email: string; organization: string }) {
  return (
    <FormDialog trigger={<Button variant="secondary" size="sm" aria-label={`Remove ${email}`}>Remove</Button>}>
      {(close) => <RemoveForm userId={userId} email={email} organization={organization} close={close} />}
    </FormDialog>
  );
}

function RemoveForm({ userId, email, organization, close }: { userId: string; email: string; organization: string; close: () => void }) {
  const form = useTeamAction(removeMemberAction, close);
  return (
    <DialogForm title="Remove member" form={form} errorLabel="Remove member error" fields={{ userId }} submitLabel="Remove member" pendingLabel="Removing…" submitVariant="danger">
      <p className="text-sm text-slate-700">
        <strong>{email}</strong> loses access to {organization} at once: its pages, its approvals and the desk tokens they made for it. API keys they created keep working until you delete them.
      </p>
    </DialogForm>
  );
}
