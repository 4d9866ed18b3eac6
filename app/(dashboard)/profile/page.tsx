import type { Metadata } from "next";
import { requireMembership } from "@/lib/auth/session";
import { listDeskTokens } from "@/lib/desk-tokens/desk-tokens";
import { Card, CardHeader, PageHeader } from "@/components/ui/card";
import { Time } from "@/components/ui/time";
import { MintDeskTokenForm, RevokeButton } from "./desk-token-form";

export const metadata: Metadata = { title: "Profile" };

// /profile — who you are here, and your desk tokens (short-lived tokens that act as you)
export default async function ProfilePage() {
  const m = await requireMembership();
  const tokens = await listDeskTokens(m.organization.id, m.user.id);
  const now = Date.now();
  return (
    <>
      <PageHeader title="Profile" description={`${m.user.name} · ${m.user.email} · ${m.role} of ${m.organization.name}`} />
      <Card>
        <CardHeader title="Desk tokens" description="Let a script act as you on the approvals API for up to 24 hours. Revoke one at any time." />
        <MintDeskTokenForm />
        {tokens.length ? (
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
                    <td className="px-5 py-2"><Time value={t.last_used_at} relative /></td>
                    <td className="px-5 py-2"><Time value={t.expires_at} /></td>
                    <td className="px-5 py-2">{t.revoked_at ? "Revoked" : live ? "Active" : "Expired"}</td>
                    <td className="px-5 py-2 text-right">{live ? <RevokeButton id={t.id} name={t.name} /> : null}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : null}
      </Card>
    </>
  );
}
