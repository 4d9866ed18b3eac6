import type { Metadata } from "next";
import Link from "next/link";
import { Logo } from "@/components/ui/icons";

export const metadata: Metadata = { title: "SSO sign-in refused" };

// Where an SSO sign-in lands when its email is not a member of any organization here (no sign-up).
export default function SsoRefusedPage() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm rounded-lg bg-white p-8 text-center shadow-sm ring-1 ring-slate-200">
        <Logo className="mx-auto inline-flex h-10 w-10 items-center justify-center rounded-lg bg-brand-600 text-white shadow-sm" />
        <h1 className="mt-4 text-lg font-semibold">No Keydesk account for this sign-in</h1>
        <p className="mt-2 text-sm text-slate-600">
          Your identity provider signed you in, but its verified email address is not a member of any organization here.
          Keydesk does not create accounts on first sign-in: ask an owner or admin of your organization to invite that address.
        </p>
        <Link href="/login" className="mt-6 inline-block text-sm font-medium text-brand-600 underline">Back to sign in</Link>
      </div>
    </main>
  );
}
