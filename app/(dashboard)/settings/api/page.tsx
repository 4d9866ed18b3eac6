import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { requireAdmin } from "@/lib/auth/session";
import { getOrgSettings } from "@/lib/orgs/get-org-settings";
import { env } from "@/lib/env";
import { maskKey } from "@/lib/keys/key-format";
import { hasKeys, listKeys } from "@/lib/keys/list-keys";
import { partnerNames } from "@/lib/partners/list-partners";
import { keysPageQuerySchema, parsePageQuery } from "@/lib/validations/page-query";
import { Pager } from "@/components/ui/pager";
import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { KeyIcon, LockIcon } from "@/components/ui/icons";
import { Time } from "@/components/ui/time";
import { CreateKeyDialog } from "@/components/keys/create-key-dialog";
import { describePermissions } from "@/components/keys/describe-permissions";
import { ActionButton } from "@/components/ui/action-button";
import { HeaderCell, TableHead } from "@/components/ui/table";
import { KeyStatus } from "@/components/keys/key-status";
import { KeysToolbar } from "@/components/keys/keys-toolbar";
import { createKeyAction, restoreKeyAction, testKeyAction } from "@/lib/actions/key-actions";

export const metadata: Metadata = { title: "API keys" };

const PER_PAGE = 25;

type Search = { status?: string; q?: string; perm?: string; holds?: string; sort?: string; page?: string; deleted?: string };
type RawSearch = Record<string, string | string[] | undefined>;

export default async function ApiKeysPage({ searchParams }: { searchParams: Promise<RawSearch> }) {
  const m = await requireAdmin();
  const org = m.organization;
  const raw = await searchParams;

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

  const { status: shown, sort, page, q, perm: preset, holds, deleted } = parsePageQuery(keysPageQuerySchema, raw);
  const decoys = shown === "decoys";
  const expiring = shown === "expiring";
  const status = decoys || expiring ? "active" : shown;
  // what the links carry on: the parsed values, never the raw query
  const sp: Search = { status: shown === "active" ? undefined : shown, sort: sort === "created_desc" ? undefined : sort, page: page > 1 ? String(page) : undefined, q, perm: preset, holds, deleted };
  const [{ data: keys, total }, anyKeys] = await Promise.all([
    listKeys(org.id, { status, query: q, preset, permission: holds, sort, page, perPage: PER_PAGE, canary: decoys, expiresWithinDays: expiring ? 14 : undefined }),
    hasKeys(org.id, "live"),
  ]);
  const partners = await partnerNames(org.id, keys.map((k) => k.partner_id));
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));
  const justDeleted = sp.deleted ? keys.find((k) => k.id === sp.deleted) : undefined;
  const href = (patch: Partial<Search>) => {
    const next = new URLSearchParams(Object.entries({ ...sp, deleted: undefined, ...patch }).filter(([, v]) => v) as [string, string][]);
    const s = next.toString();
    return s ? `?${s}` : "/settings/api";
  };

  const policy = await getOrgSettings(org.id);
  const create = (
    <CreateKeyDialog
      plan={org.plan}
      orgDefaultRateLimit={org.defaultRateLimitPerHour}
      showOnce={org.revealPolicy === "show_once"}
      apiOrigin={env.authUrl}
      createAction={createKeyAction}
      testAction={testKeyAction}
      decoy={decoys}
      maxLifetimeDays={policy.max_key_lifetime_days}
    />
  );

  if (!anyKeys && status === "active" && !decoys && !q && !preset && !holds) {
    const hasDeleted = await hasKeys(org.id, "deleted");
    return (
      <Card>
        <CardHeader title="API keys" description={`Keys let your servers call the Keydesk API on behalf of ${org.name}.`} />
        <EmptyState
          icon={<KeyIcon />}
          title="No API keys yet"
          description={`This organization has no API keys. Create one to call the knowledge base and approvals API from your own servers.${org.plan === "starter" ? " The starter plan allows read permissions only." : ""}`}
          action={create}
        />
        {hasDeleted ? (
          <p className="border-t border-slate-200 px-5 py-3 text-center text-sm">
            <Link href="?status=deleted" className="text-brand-600 hover:underline">Recently deleted keys</Link>
          </p>
        ) : null}
      </Card>
    );
  }

  return (
    <Card>
      <CardHeader
        title="API keys"
        description={`Keys let your servers call the Keydesk API on behalf of ${org.name}.${org.plan === "starter" ? " The starter plan allows read permissions only." : ""}`}
        actions={create}
      />
      <div className="flex gap-4 overflow-x-auto border-b border-slate-200 px-5 text-sm whitespace-nowrap" role="tablist" aria-label="Key status">
        {(["active", "expiring", "deleted", "decoys"] as const).map((s) => {
          const selected = s === shown;
          return (
            <Link
              key={s}
              role="tab"
              aria-selected={selected}
              href={href({ status: s === "active" ? undefined : s, page: undefined })}
              className={cn("-mb-px border-b-2 py-2.5 font-medium", selected ? "border-brand-600 text-brand-700" : "border-transparent text-slate-500 hover:text-slate-700")}
            >
              {{ active: "Active", expiring: "Expiring soon", deleted: "Recently deleted", decoys: "Decoys" }[s]}
            </Link>
          );
        })}
      </div>
      <Suspense>
        <KeysToolbar />
      </Suspense>
      {justDeleted ? (
        <div className="flex items-center justify-between gap-3 border-b border-slate-200 bg-amber-50 px-5 py-2.5 text-sm text-amber-900">
          <span>“{justDeleted.name}” was deleted and no longer works. You can restore it for 30 days.</span>
          <ActionButton action={restoreKeyAction} fields={{ keyId: justDeleted.id }} label="Undo" pendingLabel="Restoring…" />
        </div>
      ) : null}
      {keys.length === 0 ? (
        <EmptyState
          title={decoys ? "No decoy keys" : expiring ? "No key expires within 14 days" : status === "deleted" ? "No recently deleted keys" : "No keys match"}
          description={
            decoys
              ? "A decoy key looks real but never works: plant it where a thief would look, and every use alerts you."
              : status === "deleted" ? "Deleted keys stay here for 30 days, then they are purged." : "Try another name or filter."
          }
        />
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[820px] text-sm" data-testid="keys-table">
            <TableHead>
              <HeaderCell edge>Name</HeaderCell>
              <HeaderCell>Key</HeaderCell>
              <HeaderCell>Permissions</HeaderCell>
              <HeaderCell>Partner</HeaderCell>
              <HeaderCell>Created</HeaderCell>
              <HeaderCell>Last used</HeaderCell>
              <HeaderCell>{status === "deleted" ? "Deleted" : "Expires"}</HeaderCell>
              <HeaderCell edge>Status</HeaderCell>
            </TableHead>
            <tbody className="divide-y divide-slate-100">
              {keys.map((k) => {
                const lastIp = k.secrets.map((s) => s.last_used_ip).find(Boolean);
                return (
                  <tr key={k.id} className="hover:bg-slate-50/60">
                    <td className="max-w-[16rem] px-5 py-3">
                      <Link href={`/settings/api/keys/${k.id}`} className="block truncate font-medium text-slate-900 hover:text-brand-700">{k.name}</Link>
                    </td>
                    <td className="px-3 py-3 font-mono text-xs whitespace-nowrap text-slate-600">{k.start && k.end ? maskKey(k.start, k.end) : "—"}</td>
                    <td className="px-3 py-3 text-slate-600">{describePermissions(k.permissions, k.preset)}</td>
                    <td className="max-w-[10rem] px-3 py-3 text-slate-600">
                      {k.partner_id ? <span className="block truncate" title={partners.get(k.partner_id)?.email}>{partners.get(k.partner_id)?.name ?? "Partner"}</span> : <span className="text-slate-400">—</span>}
                    </td>
                    <td className="px-3 py-3 text-slate-600">
                      <Time value={k.created_at} relative />
                      <span className="block max-w-[12rem] truncate text-xs text-slate-400">{k.created_by.label}</span>
                    </td>
                    <td className="px-3 py-3 text-slate-600">
                      {k.last_used_at ? <Time value={k.last_used_at} relative /> : <span className="text-slate-400">Never</span>}
                      {lastIp ? <span className="block font-mono text-xs text-slate-400">{lastIp.replace(/^::ffff:/, "")}</span> : null}
                    </td>
                    <td className="px-3 py-3 text-slate-600">
                      {status === "deleted" ? <Time value={k.deleted_at} relative /> : k.expires_at ? <Time value={k.expires_at} /> : <span className="text-slate-400">Never</span>}
                    </td>
                    <td className="px-5 py-3">
                      {status === "deleted" ? (
                        <ActionButton action={restoreKeyAction} fields={{ keyId: k.id }} label="Restore" pendingLabel="Restoring…" ariaLabel={`Restore ${k.name}`} />
                      ) : (
                        <KeyStatus k={k} maxLifetimeDays={policy.max_key_lifetime_days} />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pager total={total} noun="key" page={page} pages={pages} hrefFor={(n) => href({ page: String(n) })} />
    </Card>
  );
}
