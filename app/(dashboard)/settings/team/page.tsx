import type { Metadata } from "next";
import { resendInvitationAction, revokeInvitationAction } from "@/lib/actions/team-actions";
import { maxGrantableRole } from "@/lib/auth/grants";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/auth/roles";
import { requireAdmin } from "@/lib/auth/session";
import { listMembers } from "@/lib/team/list-members";
import { ActionButton } from "@/components/ui/action-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader, PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ActionsCell, HeaderCell, TableHead } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { ChangeRoleDialog, InviteMemberDialog, RemoveMemberDialog } from "@/components/team/team-dialogs";

export const metadata: Metadata = { title: "Team" };

const RANK: Record<Role, number> = { agent: 0, admin: 1, owner: 2 };

// /settings/team — members with their roles, open invitations; invite, resend or revoke, change a
// role, remove. Owners and Admins (an Admin grants and touches at most Admin; the last owner stays).
export default async function TeamPage() {
  const m = await requireAdmin();
  const { data: members, invitations } = await listMembers(m.organization.id);
  const max = maxGrantableRole({ kind: "member", role: m.role });
  const grantable = ROLES.filter((r) => RANK[r] <= RANK[max]).reverse();
  const mayTouch = (role: Role) => RANK[role] <= RANK[max];
  return (
    <div className="space-y-6">
      <PageHeader title="Team" description={`Who can sign in to ${m.organization.name}, and as what.`} actions={<InviteMemberDialog grantable={grantable} />} />
      <Card>
        <CardHeader title="Members" description={`${members.length} member${members.length === 1 ? "" : "s"}. Owners and Admins manage API keys, partners, webhooks, settings and the team; Agents work in the knowledge base and approvals.`} />
        <div className="overflow-x-auto">
          <table className="w-full text-sm" data-testid="members-table">
            <TableHead>
              <HeaderCell edge>Member</HeaderCell>
              <HeaderCell>Role</HeaderCell>
              <HeaderCell>Last sign-in</HeaderCell>
              <HeaderCell edge srOnly>Actions</HeaderCell>
            </TableHead>
            <tbody className="divide-y divide-slate-100">
              {members.map((u) => {
                const self = u.user_id === m.user.id;
                return (
                  <tr key={u.user_id}>
                    <td className="px-5 py-3">
                      <p className="font-medium text-slate-900">{u.name}{self ? <span className="ml-1.5 text-xs font-normal text-slate-500">(you)</span> : null}</p>
                      <p className="text-xs break-all text-slate-500">{u.email}</p>
                    </td>
                    <td className="px-3 py-3"><Badge tone={u.role === "owner" ? "blue" : "gray"}>{ROLE_LABELS[u.role]}</Badge></td>
                    <td className="px-3 py-3 whitespace-nowrap text-slate-600"><Time value={u.last_sign_in_at} relative /></td>
                    <ActionsCell>
                      {!self && mayTouch(u.role) ? (
                        <>
                          <ChangeRoleDialog userId={u.user_id} email={u.email} role={u.role} grantable={grantable} />
                          <RemoveMemberDialog userId={u.user_id} email={u.email} organization={m.organization.name} />
                        </>
                      ) : null}
                    </ActionsCell>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </Card>
      <Card>
        <CardHeader title="Invitations" description="Open invitations. A link works once, for 7 days; resending makes a new link and stops the old one." />
        {invitations.length ? (
          <div className="overflow-x-auto">
            <table className="w-full text-sm" data-testid="invitations-table">
              <TableHead>
                <HeaderCell edge>Email</HeaderCell>
                <HeaderCell>Role</HeaderCell>
                <HeaderCell>Expires</HeaderCell>
                <HeaderCell edge srOnly>Actions</HeaderCell>
              </TableHead>
              <tbody className="divide-y divide-slate-100">
                {invitations.map((i) => (
                  <tr key={i.id}>
                    <td className="px-5 py-3 break-all text-slate-900">{i.email}</td>
                    <td className="px-3 py-3"><Badge tone="gray">{ROLE_LABELS[i.role]}</Badge></td>
                    <td className="px-3 py-3 whitespace-nowrap text-slate-600"><Time value={i.expires_at} /></td>
                    <ActionsCell>
                      {mayTouch(i.role) ? (
                        <>
                          <ActionButton action={resendInvitationAction} fields={{ invitationId: i.id }} label="Resend" pendingLabel="Sending…" ariaLabel={`Resend the invitation of ${i.email}`} />
                          <ActionButton action={revokeInvitationAction} fields={{ invitationId: i.id }} label="Revoke" pendingLabel="Revoking…" ariaLabel={`Revoke the invitation of ${i.email}`} />
                        </>
                      ) : null}
                    </ActionsCell>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <EmptyState title="No open invitations" description="Invite someone by email: they choose a password and join with the role you give them." />
        )}
      </Card>
    </div>
  );
}
