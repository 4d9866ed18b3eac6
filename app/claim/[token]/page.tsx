import type { Metadata } from "next";
import { headers } from "next/headers";
import { PublicPage } from "@/components/ui/public-page";
import { formatDateTime } from "@/components/ui/time";
import { permissionsInWords } from "@/lib/keys/permission-words";
import { findOpenClaim } from "@/lib/partners/claim-links";
import { ClaimPanel } from "./claim-panel";
import { DeadLink } from "./dead-link";

export const metadata: Metadata = { title: "Your API key", robots: { index: false, follow: false } };

// /claim/{token} — a partner's one-time page. Opening it claims nothing (mail scanners prefetch
// links); the key is made and shown when the partner presses the button. No sign-in. It says who
// sent it, what the key may do, and what to do when it was not expected: it must not look like phishing.
export default async function ClaimPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const open = await findOpenClaim(token);
  const h = await headers();
  const origin = `${h.get("x-forwarded-proto") ?? "http"}://${h.get("host") ?? "localhost:3000"}`;
  return (
    <PublicPage width="max-w-lg">
      {open ? (
        <>
          <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">{open.organization.name}</p>
          <h1 className="mt-1 text-lg font-semibold text-slate-900">{open.organization.name} sent you an API key</h1>
          <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm" data-testid="claim-facts">
            <dt className="text-slate-500">Key</dt>
            <dd className="min-w-0 break-words text-slate-900">“{open.key.name}”</dd>
            <dt className="text-slate-500">For</dt>
            <dd className="min-w-0 break-words text-slate-900">{open.partner.name} ({open.partner.email})</dd>
            <dt className="text-slate-500">Sent</dt>
            <dd className="text-slate-900">
              {formatDateTime(open.createdAt)}
              {open.sentByLabel ? <> by {open.sentByLabel}</> : null}
            </dd>
            <dt className="text-slate-500">Link expires</dt>
            <dd className="text-slate-900">{formatDateTime(open.expiresAt)}</dd>
          </dl>
          <div className="mt-4">
            <p className="text-sm font-medium text-slate-900">This key lets you</p>
            <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm text-slate-700" data-testid="claim-permissions">
              {permissionsInWords(open.key.permissions as string[]).map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          </div>
          <div className="mt-6">
            <ClaimPanel token={token} origin={origin} />
          </div>
          <p className="mt-6 border-t border-slate-100 pt-4 text-xs text-slate-500">
            Not expecting this? Do not press the button: nothing happens until you do. Tell {open.sentByLabel || open.organization.name} that the link reached the wrong person.
          </p>
        </>
      ) : (
        <DeadLink />
      )}
    </PublicPage>
  );
}
