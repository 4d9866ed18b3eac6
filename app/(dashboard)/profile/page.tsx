import type { Metadata } from "next";
import { getSession, requireMembership } from "@/lib/auth/session";
import { listSignInSessions } from "@/lib/auth/sign-in-sessions";
import { listDeskTokens } from "@/lib/desk-tokens/list-desk-tokens";
import { Card, CardHeader, PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Time } from "@/components/ui/time";
import { ChangePasswordForm, SignOutOthersButton } from "./account-forms";
import { MintDeskTokenForm, RevokeButton } from "./desk-token-form";

export const metadata: Metadata = { title: "Profile" };

/** "Firefox on Linux"-style words for a user agent, enough to recognise one's own devices. */
function deviceOf(ua: string | null): string {
  if (!ua) return "Unknown device";
  const browser = /Edg\//.test(ua) ? "Edge" : /Firefox\//.test(ua) ? "Firefox" : /Chrom(e|ium)\//.test(ua) ? "Chrome" : /Safari\//.test(ua) ? "Safari" : ua.split(/[ /]/)[0];
  const os = /Windows/.test(ua) ? "Windows" : /Mac OS X|Macintosh/.test(ua) ? "macOS" : /Android/.test(ua) ? "Android" : /iPhone|iPad/.test(ua) ? "iOS" : /Linux/.test(ua) ? "Linux" : "";
  return os ? `${browser} on ${os}` : browser;
}

// /profile — who you are here, your password and sessions, and your desk tokens (short-lived tokens that act as you)
export default async function ProfilePage() {
  const m = await requireMembership();
  const session = await getSession();
  const [tokens, sessions] = await Promise.all([listDeskTokens(m.organization.id, m.user.id), listSignInSessions(m.user.id, session?.sid ?? null)]);
  const others = sessions.filter((s) => !s.current).length;
  const now = Date.now();
  return (
    <div className="space-y-6">
      <PageHeader title="Profile" description={`${m.user.name} · ${m.user.email} · ${m.role} of ${m.organization.name}`} />
      <Card>
        <CardHeader title="Password" description="Changing it signs out your other sessions." />
        <ChangePasswordForm />
      </Card>
      <Card>
        <CardHeader title="Sessions" description="Where you are signed in. Sign out the others if you do not recognise one, or after using a shared computer." actions={<SignOutOthersButton others={others} />} />
        {sessions.length ? (
          <ul className="divide-y divide-slate-200" data-testid="sessions">
            {sessions.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 px-5 py-3 text-sm">
                <div className="min-w-0">
                  <p className="font-medium text-slate-900">
                    {deviceOf(s.userAgent)}
                    {s.current ? <span className="ml-2 rounded bg-emerald-50 px-1.5 py-0.5 text-xs font-medium text-emerald-700 ring-1 ring-emerald-200">This session</span> : null}
                  </p>
                  <p className="text-xs text-slate-500">{s.ip ?? "address unknown"} · signed in <Time value={s.createdAt} relative /> · last seen <Time value={s.lastSeenAt} relative /></p>
                </div>
              </li>
            ))}
          </ul>
        ) : (
          <p className="px-5 py-4 text-sm text-slate-500">This session was started before sessions were listed; it is not shown here.</p>
        )}
      </Card>
      <Card>
        <CardHeader title="Desk tokens" description="Let a script act as you on the approvals API for up to 24 hours. Revoke one at any time." />
        <MintDeskTokenForm />
        {tokens.length ? (
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <thead className="border-t border-slate-200 bg-slate-50 text-left text-xs text-slate-500">
                <tr><th className="px-5 py-2 font-medium">Name</th><th className="px-5 py-2 font-medium">Token</th><th className="px-5 py-2 font-medium">Last used</th><th className="px-5 py-2 font-medium">Expires</th><th className="px-5 py-2 font-medium">Status</th><th className="px-5 py-2" /></tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {tokens.map((t) => {
                  const live = !t.revoked_at && new Date(t.expires_at).getTime() > now;
                  return (
                    <tr key={t.id}>
                      <td className="px-5 py-2">{t.name}</td>
                      <td className="px-5 py-2 font-mono text-[13px]">{t.start}…</td>
                      <td className="px-5 py-2 whitespace-nowrap"><Time value={t.last_used_at} relative /></td>
                      <td className="px-5 py-2 whitespace-nowrap"><Time value={t.expires_at} /></td>
                      <td className="px-5 py-2">{t.revoked_at ? "Revoked" : live ? "Active" : "Expired"}</td>
                      <td className="px-5 py-2 text-right">{live ? <RevokeButton id={t.id} name={t.name} /> : null}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : (
          <EmptyState title="No desk tokens yet" description="Create one above when a script needs to submit or decide approvals as you. It stops working when it expires or when you revoke it." />
        )}
      </Card>
    </div>
  );
}
