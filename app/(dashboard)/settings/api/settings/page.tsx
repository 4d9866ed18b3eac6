import type { Metadata } from "next";
import { requireAdmin } from "@/lib/auth/session";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { ApiSettingsForm } from "@/components/settings/api-settings-form";

export const metadata: Metadata = { title: "API settings" };

const PLAN_TEXT = {
  free: "No API access by key. Guests can still read published external articles when Require API Token is off.",
  starter: "Keys with read permissions only.",
  professional: "Keys with every permission: articles, categories, approvals, team, keys, webhooks and usage.",
} as const;

export default async function SettingsPage() {
  const { organization: org } = await requireAdmin();
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader title="Plan" description={PLAN_TEXT[org.plan]} actions={<Badge tone="blue" className="capitalize">{org.plan}</Badge>} />
        <p className="px-5 py-3 text-sm text-slate-500">The plan is changed by the operator of this Keydesk installation (command line: <code className="font-mono text-xs">orgs set --plan</code>).</p>
      </Card>
      <Card>
        <CardHeader title="API settings" description={`How the API behaves for ${org.name}. Every change is recorded in the history.`} />
        <ApiSettingsForm
          key={`${org.id}:${org.requireApiToken}:${org.allowQueryKeys}:${org.revealPolicy}:${org.defaultRateLimitPerHour}`}
          settings={{ requireApiToken: org.requireApiToken, allowQueryKeys: org.allowQueryKeys, revealPolicy: org.revealPolicy, defaultRateLimitPerHour: org.defaultRateLimitPerHour }}
        />
      </Card>
    </div>
  );
}
