import type { Metadata } from "next";
import Link from "next/link";
import { PublicPage } from "@/components/ui/public-page";
import { findPasswordReset } from "@/lib/users/password-reset";
import { ResetForm } from "./reset-form";

export const metadata: Metadata = { title: "Choose a new password", robots: { index: false, follow: false } };

// /reset-password/{token} — the emailed link: a new password, once, within the hour.
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const reset = token.length <= 200 ? await findPasswordReset(token) : null;
  return (
    <PublicPage width="max-w-sm">
      {reset ? (
        <>
          <h1 className="text-lg font-semibold text-slate-900">Choose a new password</h1>
          <p className="mt-1 mb-5 text-sm text-slate-600">For {reset.email}. Every device signed in to this account will be signed out.</p>
          <ResetForm token={token} />
        </>
      ) : (
        <>
          <h1 className="text-lg font-semibold text-slate-900">This link does not work</h1>
          <p className="mt-2 text-sm text-slate-600">Password reset links work once and for one hour, and a newer link replaces older ones.</p>
          <p className="mt-4 text-sm"><Link href="/forgot-password" className="font-medium text-brand-600 hover:underline">Ask for a new link</Link></p>
        </>
      )}
    </PublicPage>
  );
}
