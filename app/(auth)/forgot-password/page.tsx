import type { Metadata } from "next";
import Link from "next/link";
import { PublicPage } from "@/components/ui/public-page";
import { ForgotForm } from "./forgot-form";

export const metadata: Metadata = { title: "Forgot password" };

// /forgot-password — asks for the email; the answer never says whether it has an account.
export default function ForgotPasswordPage() {
  return (
    <PublicPage width="max-w-sm">
      <h1 className="text-lg font-semibold text-slate-900">Reset your password</h1>
      <p className="mt-1 mb-5 text-sm text-slate-600">Enter the email of your Keydesk account. We will send a link to choose a new password.</p>
      <ForgotForm />
      <p className="mt-6 text-center text-sm"><Link href="/login" className="font-medium text-brand-600 hover:underline">Back to sign in</Link></p>
    </PublicPage>
  );
}
