import type { Metadata } from "next";
import { headers } from "next/headers";
import { findOpenClaim } from "@/lib/partners/claim-links";
import { ClaimPanel } from "./claim-panel";
import { DeadLink } from "./dead-link";

export const metadata: Metadata = { title: "Your API key", robots: { index: false, follow: false } };

// /claim/{token} — a partner's one-time page. Opening it claims nothing (mail scanners prefetch
// links); the key is made and shown when the partner presses the button. No sign-in.
export default async function ClaimPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const open = await findOpenClaim(token);
  const h = await headers();
  const origin = `${h.get("x-forwarded-proto") ?? "http"}://${h.get("host") ?? "localhost:3000"}`;
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-50 px-4">
      <div className="w-full max-w-lg rounded-lg bg-white p-8 shadow-sm ring-1 ring-slate-200">
        {open ? (
          <>
            <p className="mb-4 text-sm text-slate-500">{open.organization.name} sent you an API key: “{open.key.name}”.</p>
            <ClaimPanel token={token} origin={origin} />
          </>
        ) : (
          <DeadLink />
        )}
      </div>
    </main>
  );
}
