import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSession } from "@/lib/auth/session";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { Logo } from "@/components/ui/icons";
import { env } from "@/lib/env";
import { LoginForm } from "./login-form";
import { SsoButton } from "./sso-button";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[]; ended?: string | string[]; reset?: string | string[] }> }) {
  const { callbackUrl, ended, reset } = await searchParams;
  const target = safeCallbackUrl(Array.isArray(callbackUrl) ? callbackUrl[0] : callbackUrl);
  const session = await getSession();
  const sso = env.oidc;
  if (session?.user) redirect(target);
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center text-center">
          <Logo className="inline-flex h-10 w-10 items-center justify-center rounded-lg bg-brand-600 text-white shadow-sm" />
          <h1 className="mt-4 text-xl font-semibold tracking-tight text-slate-900">Sign in to Keydesk</h1>
          <p className="mt-1 text-sm text-slate-500">Use the email and password of your Keydesk account.</p>
        </div>
        {ended ? <Notice>Your session ended: it was signed out from another session or your password changed. Sign in again.</Notice> : null}
        {reset ? <Notice>Your password was changed. Sign in with the new one.</Notice> : null}
        <div className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200 sm:p-8">
          <LoginForm callbackUrl={target} />
          {sso ? (
            <div className="mt-6 border-t border-slate-200 pt-6">
              <SsoButton callbackUrl={target} name={sso.name} />
            </div>
          ) : null}
        </div>
      </div>
    </main>
  );
}

function Notice({ children }: { children: React.ReactNode }) {
  return (
    <p role="status" className="mb-4 rounded-md bg-brand-50 px-4 py-3 text-sm text-brand-700 ring-1 ring-brand-100">
      {children}
    </p>
  );
}
