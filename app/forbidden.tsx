import type { Metadata } from "next";
import Link from "next/link";
import { getCurrentMembership, getOrganizationOwners } from "@/lib/auth/session";
import { Logo, LockIcon } from "@/components/ui/icons";

export const metadata: Metadata = { title: "Access denied" };

// Rendered with HTTP 403 by forbidden() (requireAdmin). Says who can help: the organization's owners.
export default async function Forbidden() {
  const m = await getCurrentMembership();
  const owners = m ? await getOrganizationOwners(m.organization.id) : [];
  return (
    <main className="flex min-h-[70vh] flex-col items-center justify-center px-4 py-12">
      <div className="w-full max-w-md rounded-lg bg-white p-8 text-center shadow-sm ring-1 ring-slate-200">
        <div className="mx-auto flex h-11 w-11 items-center justify-center rounded-full bg-amber-50 text-amber-600">
          <LockIcon width={20} height={20} />
        </div>
        <h1 className="mt-4 text-lg font-semibold text-slate-900">You don’t have access to this page</h1>
        {m ? (
          <>
            <p className="mt-2 text-sm text-slate-600">
              API and team settings in <strong className="font-medium text-slate-900">{m.organization.name}</strong> are for owners and admins. You are signed in as{" "}
              {m.user.email}, with the <span className="capitalize">{m.role}</span> role.
            </p>
            {owners.length ? (
              <div className="mt-5 rounded-md bg-slate-50 px-4 py-3 text-left text-sm ring-1 ring-slate-200">
                <p className="font-medium text-slate-900">Ask an owner for access:</p>
                <ul className="mt-1.5 space-y-1 text-slate-600">
                  {owners.map((o) => (
                    <li key={o.email}>
                      {o.name ? `${o.name} · ` : ""}
                      <a className="text-brand-600 hover:underline" href={`mailto:${o.email}`}>{o.email}</a>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </>
        ) : (
          <p className="mt-2 text-sm text-slate-600">Your account does not belong to an organization yet. Ask the owner of your organization to add you.</p>
        )}
        <div className="mt-6 flex justify-center">
          <Link href="/login" className="inline-flex items-center gap-2 text-sm text-slate-500 hover:text-slate-700">
            <Logo className="inline-flex h-5 w-5 items-center justify-center rounded bg-brand-600 text-white" /> Keydesk
          </Link>
        </div>
      </div>
    </main>
  );
}
