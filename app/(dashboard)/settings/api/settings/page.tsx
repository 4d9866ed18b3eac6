import type { Metadata } from "next";
import { requireAdmin } from "@/lib/auth/session";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "API settings" };

const PLAN_TEXT = {
  free: "No API access by key. Guests can still read public articles when Require API Token is off.",
  starter: "Keys with read permissions only.",
  professional: "Keys with every permission.",
} as const;

function Row({ label, hint, children }: { label: string; hint: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-2 px-5 py-4 sm:flex-row sm:items-center sm:justify-between">
      <div>
        <dt className="text-sm font-medium text-slate-900">{label}</dt>
        <p className="text-sm text-slate-500">{hint}</p>
      </div>
      <dd className="text-sm text-slate-700">{children}</dd>
    </div>
  );
}

export default async function SettingsPage() {
  const { organization: org } = await requireAdmin();
  const onOff = (v: boolean) => <Badge tone={v ? "green" : "gray"}>{v ? "On" : "Off"}</Badge>;
  return (
    <Card>
      <CardHeader title="Settings" description={`How the API behaves for ${org.name}. Changing these from this page is not available yet; the command line (orgs set) can.`} />
      <dl className="divide-y divide-slate-100">
        <Row label="Plan" hint={PLAN_TEXT[org.plan]}><Badge tone="blue" className="capitalize">{org.plan}</Badge></Row>
        <Row label="Require API Token" hint="When on, requests without a key get 401 instead of reading public articles.">{onOff(org.requireApiToken)}</Row>
        <Row label="Allow keys in the query string" hint="Accept ?api_key=… in addition to the Authorization and X-API-Key headers.">{onOff(org.allowQueryKeys)}</Row>
        <Row label="Reveal policy" hint="Whether owners and admins can view a key's secret again after creating it.">{org.revealPolicy === "reveal" ? "Reveal (audited)" : "Show once"}</Row>
        <Row label="Default rate limit" hint="Requests per hour for keys without their own limit.">{org.defaultRateLimitPerHour.toLocaleString("en")} / hour</Row>
      </dl>
    </Card>
  );
}
