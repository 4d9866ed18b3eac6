import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/auth/session";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { ApiSettingsForm } from "@/components/settings/api-settings-form";
import { getHealth } from "@/lib/server/health";
import { keysExceedingPolicy } from "@/lib/keys/apply-lifetime-policy";
import { getOrgSettings } from "@/lib/orgs/get-org-settings";
import { ActionButton } from "@/components/ui/action-button";
import { applyLifetimePolicyAction } from "@/lib/actions/settings-actions";

export const metadata: Metadata = { title: "API settings" };

const PLAN_TEXT = {
  free: "No API access by key. Guests can still read published external articles when “Require an API key for every request” is off.",
  starter: "Keys with read permissions only.",
  professional: "Keys with every permission: articles, categories, approvals, team, keys, webhooks, usage, settings and the audit log.",
} as const;

export default async function SettingsPage() {
  const { organization: org, role } = await requireAdmin();
  // owners run the installation: they hear when this instance cannot keep its promises
  const health = role === "owner" ? await getHealth() : null;
  const policy = await getOrgSettings(org.id);
  const beyond = await keysExceedingPolicy(org.id);
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
          key={JSON.stringify(policy)}
          settings={{
            requireApiToken: policy.require_api_token, allowQueryKeys: policy.allow_query_keys, revealPolicy: policy.reveal_policy, defaultRateLimitPerHour: policy.default_rate_limit_per_hour,
            leakedKeyAction: policy.leaked_key_action, maxKeyLifetimeDays: policy.max_key_lifetime_days, idleKeyDays: policy.idle_key_days,
          }}
        />
      </Card>
      {beyond.length ? (
        <Card>
          <CardHeader
            title="Keys beyond the lifetime policy"
            description={`${beyond.length} key${beyond.length === 1 ? " expires" : "s expire"} later than ${policy.max_key_lifetime_days} days from now, or never. Bring them within the policy: each gets the longest expiry it allows, recorded in the history.`}
            actions={<ActionButton action={applyLifetimePolicyAction} fields={{}} label={`Set ${beyond.length === 1 ? "its" : "their"} expiry within ${policy.max_key_lifetime_days} days`} pendingLabel="Updating…" variant="primary" />}
          />
          <ul className="divide-y divide-slate-100 text-sm" aria-label="Keys beyond the policy">
            {beyond.slice(0, 20).map((k) => (
              <li key={k.id} className="flex justify-between gap-3 px-5 py-2">
                <Link href={`/settings/api/keys/${k.id}`} className="truncate font-medium text-slate-900 hover:text-brand-700">{k.name}</Link>
                <span className="shrink-0 text-slate-500">{k.expiresAt ? `expires ${k.expiresAt.toISOString().slice(0, 10)}` : "never expires"}</span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
