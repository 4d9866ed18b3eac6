import type { Metadata } from "next";
import { requireAdmin } from "@/lib/auth/session";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { ApiSettingsForm } from "@/components/settings/api-settings-form";
import { getHealth } from "@/lib/server/health";

export const metadata: Metadata = { title: "API settings" };

const PLAN_TEXT = {
  free: "No API access by key. Guests can still read published external articles when Require API Token is off.",
  starter: "Keys with read permissions only.",
  professional: "Keys with every permission: articles, categories, approvals, team, keys, webhooks and usage.",
} as const;

export default async function SettingsPage() {
  const { organization: org, role } = await requireAdmin();
  // owners run the installation: they hear when this instance cannot keep its promises
  const health = role === "owner" ? await getHealth() : null;
  return (
    <div className="space-y-6">
      {health?.redis === "down" ? (
        <p role="status" aria-label="Installation health" className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-800 ring-1 ring-inset ring-amber-600/20">
          <strong>Redis is unreachable.</strong> Rate limits are being counted by each instance on its own (a key may get its
          limit once per instance) until Redis answers again. The API keeps serving. <code className="font-mono text-xs">GET /api/health</code> shows the state.
        </p>
      ) : null}
      {health && health.change_feed_lag_ms !== null && health.change_feed_lag_ms > 5000 ? (
        <p role="status" aria-label="Installation health" className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-800 ring-1 ring-inset ring-amber-600/20">
          <strong>This instance cannot read the change feed.</strong> It checks every key against the database until it can, so changes still apply at once.
        </p>
      ) : null}
      <Card>
        <CardHeader title="Plan" description={PLAN_TEXT[org.plan]} actions={<Badge tone="blue" className="capitalize">{org.plan}</Badge>} />
        <p className="px-5 py-3 text-sm text-slate-500">The plan is changed by the operator of this Keydesk installation (command line: <code className="font-mono text-xs">orgs set --plan</code>).</p>
      </Card>
      <Card>
        <CardHeader title="API settings" description={`How the API behaves for ${org.name}. Every change is recorded in the history.`} />
        <ApiSettingsForm
          key={`${org.id}:${org.requireApiToken}:${org.allowQueryKeys}:${org.revealPolicy}:${org.defaultRateLimitPerHour}:${org.leakedKeyAction}`}
          settings={{ requireApiToken: org.requireApiToken, allowQueryKeys: org.allowQueryKeys, revealPolicy: org.revealPolicy, defaultRateLimitPerHour: org.defaultRateLimitPerHour, leakedKeyAction: org.leakedKeyAction }}
        />
      </Card>
    </div>
  );
}
