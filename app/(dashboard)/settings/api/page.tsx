import type { Metadata } from "next";
import { requireAdmin } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { listKeys } from "@/lib/keys/list-keys";
import { maskKey } from "@/lib/keys/key-format";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { KeyIcon, LockIcon } from "@/components/ui/icons";
import { Time } from "@/components/ui/time";
import { CreateKeyDialog } from "@/components/keys/create-key-dialog";
import { KeyStatus } from "@/components/keys/key-status";
import { describePermissions } from "@/components/keys/describe-permissions";
import { createKeyAction, testKeyAction } from "./actions";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const m = await requireAdmin();
  const org = m.organization;
  const keys = await listKeys(org.id, { status: "active", perPage: 50 });

  if (org.plan === "free") {
    return (
      <Card>
        <EmptyState
          icon={<LockIcon />}
          title="API access needs a paid plan"
          description={`${org.name} is on the free plan, which has no API access by key. The starter plan allows read-only keys; the professional plan allows every permission. Ask an owner of the organization to upgrade.`}
        />
      </Card>
    );
  }

  const create = (
    <CreateKeyDialog
      plan={org.plan}
      orgDefaultRateLimit={org.defaultRateLimitPerHour}
      showOnce={org.revealPolicy === "show_once"}
      apiOrigin={env.authUrl}
      createAction={createKeyAction}
      testAction={testKeyAction}
    />
  );

  return (
    <Card>
      <CardHeader
        title="API keys"
        description={`Keys let your servers call the Keydesk API on behalf of ${org.name}.${org.plan === "starter" ? " The starter plan allows read permissions only." : ""}`}
        actions={keys.total > 0 ? create : null}
      />
      {keys.total === 0 ? (
        <EmptyState
          icon={<KeyIcon />}
          title="No API keys yet"
          description="This organization has no API keys. Create one to call the knowledge base and approvals API from your own servers."
          action={create}
        />
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs font-medium text-slate-500">
              <tr>
                <th scope="col" className="px-5 py-2.5 font-medium">Name</th>
                <th scope="col" className="px-3 py-2.5 font-medium">Key</th>
                <th scope="col" className="px-3 py-2.5 font-medium">Permissions</th>
                <th scope="col" className="px-3 py-2.5 font-medium">Created</th>
                <th scope="col" className="px-3 py-2.5 font-medium">Last used</th>
                <th scope="col" className="px-3 py-2.5 font-medium">Expires</th>
                <th scope="col" className="px-5 py-2.5 font-medium">Status</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {keys.data.map((k) => (
                <tr key={k.id} className="hover:bg-slate-50/60">
                  <td className="px-5 py-3 font-medium text-slate-900">{k.name}</td>
                  <td className="px-3 py-3 font-mono text-xs text-slate-600">{k.start && k.end ? maskKey(k.start, k.end) : "—"}</td>
                  <td className="px-3 py-3 text-slate-600">{describePermissions(k.permissions, k.preset)}</td>
                  <td className="px-3 py-3 text-slate-600">
                    <Time value={k.created_at} relative />
                    <span className="block text-xs text-slate-400">{k.created_by.label}</span>
                  </td>
                  <td className="px-3 py-3 text-slate-600">
                    {k.last_used_at ? <Time value={k.last_used_at} relative /> : <span className="text-slate-400">Never</span>}
                  </td>
                  <td className="px-3 py-3 text-slate-600">{k.expires_at ? <Time value={k.expires_at} /> : <span className="text-slate-400">Never</span>}</td>
                  <td className="px-5 py-3"><KeyStatus k={k} /></td>
                </tr>
              ))}
            </tbody>
          </table>
          {keys.total > keys.data.length ? <p className="border-t border-slate-200 px-5 py-3 text-xs text-slate-500">Showing {keys.data.length} of {keys.total} keys.</p> : null}
        </div>
      )}
    </Card>
  );
}
