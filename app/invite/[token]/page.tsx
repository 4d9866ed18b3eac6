import type { Metadata } from "next";
import { PublicPage } from "@/components/ui/public-page";
import { formatDateTime } from "@/components/ui/time";
import { ROLE_LABELS, ROLE_WORDS } from "@/lib/auth/roles";
import { findOpenInvitation } from "@/lib/team/accept-invitation";
import { AcceptForm } from "./accept-form";

export const metadata: Metadata = { title: "Join", robots: { index: false, follow: false } };

// /invite/{token} — the link of an invitation email: who invited whom to what, then set a password
// and join (once, before it expires)
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = token.length <= 200 ? await findOpenInvitation(token) : null;
  return (
    <PublicPage width="max-w-sm">
      {invitation ? (
        <>
          <h1 className="text-lg font-semibold">Join {invitation.organizationName}</h1>
          <p className="mt-1 text-sm text-slate-600">
            {invitation.invitedBy} invited {invitation.email} on {formatDateTime(invitation.sentAt)}.
          </p>
          <p className="mt-2 text-sm text-slate-600" data-testid="invite-role">{ROLE_LABELS[invitation.role]}: {ROLE_WORDS[invitation.role]}</p>
          <p className="mt-1 text-xs text-slate-500">The link works once and expires {formatDateTime(invitation.expiresAt)}.</p>
          <AcceptForm token={token} email={invitation.email} hasAccount={invitation.hasAccount} />
          <p className="mt-6 border-t border-slate-100 pt-4 text-xs text-slate-500">Not expecting this? Close this page: nothing happens unless you join. Tell {invitation.invitedBy} it reached the wrong person.</p>
        </>
      ) : (
        <>
          <h1 className="text-lg font-semibold">This invitation link does not work</h1>
          <p className="mt-2 text-sm text-slate-600">It was used already, has expired, was revoked, or was replaced by a newer one. Ask the person who invited you for a new invitation.</p>
        </>
      )}
    </PublicPage>
  );
}
