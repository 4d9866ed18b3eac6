import type { Metadata } from "next";
import { findOpenInvitation } from "@/lib/team/team";
import { AcceptForm } from "./accept-form";

export const metadata: Metadata = { title: "Join", robots: { index: false, follow: false } };

// /invite/{token} — the link of an invitation email: set a password and join (once, before it expires)
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = token.length <= 200 ? await findOpenInvitation(token) : null;
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-50 px-4">
      <div className="w-full max-w-sm rounded-lg bg-white p-8 shadow-sm ring-1 ring-slate-200">
        {invitation ? (
          <>
            <h1 className="text-lg font-semibold">Join {invitation.organizationName}</h1>
            <p className="mt-1 text-sm text-slate-600">You were invited as {invitation.role}.</p>
            <AcceptForm token={token} email={invitation.email} hasAccount={invitation.hasAccount} />
          </>
        ) : (
          <>
            <h1 className="text-lg font-semibold">This invitation link does not work</h1>
            <p className="mt-2 text-sm text-slate-600">It was used already, has expired, or was replaced by a newer one. Ask the person who invited you for a new invitation.</p>
          </>
        )}
      </div>
    </main>
  );
}
