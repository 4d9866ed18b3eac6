import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/auth/session";
import { keysDeletedWithPartners, partnersWithFailedMail } from "@/lib/partners/list-claim-links";
import { RESTORE_WINDOW_MS } from "@/lib/keys/delete-key";
import { listPartners } from "@/lib/partners/list-partners";
import { Badge } from "@/components/ui/badge";
import { Pager } from "@/components/ui/pager";
import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { LockIcon } from "@/components/ui/icons";
import { Time } from "@/components/ui/time";
import { AddPartnerDialog } from "@/components/partners/add-partner-dialog";
import { LevelBadge, PartnerStatusBadge } from "@/components/partners/partner-badges";
import { ActionButton } from "@/components/ui/action-button";
import { HeaderCell, TableHead } from "@/components/ui/table";
import { restorePartnerAction } from "@/lib/actions/partner-actions";
import { partnersPageQuerySchema, parsePageQuery } from "@/lib/validations/page-query";

export const metadata: Metadata = { title: "Partners" };

const PER_PAGE = 25;
type Search = { status?: string; page?: string; deleted?: string };
type RawSearch = Record<string, string | string[] | undefined>;

// /settings/api/partners — partners (active or recently deleted), "Add partner", restore.
export default async function PartnersPage({ searchParams }: { searchParams: Promise<RawSearch> }) {
  const m = await requireAdmin();
  const org = m.organization;
  const { status, page, deleted } = parsePageQuery(partnersPageQuerySchema, await searchParams);
  const sp: Search = { status: status === "active" ? undefined : status, page: page > 1 ? String(page) : undefined, deleted };

  const list = await listPartners(org.id, { status, page, perPage: PER_PAGE });
  // past the 30 days a partner can no longer be restored: not "recently" deleted any more
  let partners = status === "deleted" ? list.data.filter((p) => p.deleted_at && Date.now() - new Date(p.deleted_at).getTime() < RESTORE_WINDOW_MS) : list.data;
  if (status === "deleted" && partners.length) {
    // a deleted partner's keys are the ones deleted with it, at the same instant (restored with it)
    const counts = await keysDeletedWithPartners(org.id, partners);
    partners = partners.map((p) => ({ ...p, key_count: counts.get(p.id) ?? 0 }));
  }
  const pages = Math.max(1, Math.ceil(list.total / PER_PAGE));

  // the newest open link of each partner whose email failed: shown so the admin can retry
  const mailFailed = await partnersWithFailedMail(org.id, partners.map((p) => p.id));
  const justDeleted = sp.deleted ? partners.find((p) => p.id === sp.deleted) : undefined;
  const href = (patch: Partial<Search>) => {
    const next = new URLSearchParams(Object.entries({ ...sp, deleted: undefined, ...patch }).filter(([, v]) => v) as [string, string][]);
    const s = next.toString();
    return s ? `?${s}` : "/settings/api/partners";
  };

  return (
    <Card>
      <CardHeader
        title="Partners"
        description={`Outside companies that receive API keys from ${org.name} through one-time email links.`}
        actions={<AddPartnerDialog plan={org.plan} disabled={org.plan === "free"} />}
      />
      {org.plan === "free" ? (
        <div className="flex items-start gap-3 border-b border-slate-200 bg-amber-50 px-5 py-3 text-sm text-amber-900">
          <LockIcon className="mt-0.5 shrink-0" />
          <span>{org.name} is on the free plan, which has no API access by key, so partners cannot be added. The starter plan allows Read partners; the professional plan allows every level.</span>
        </div>
      ) : org.plan === "starter" ? (
        <p className="border-b border-slate-200 bg-slate-50 px-5 py-2.5 text-xs text-slate-500">The starter plan allows Read partners only.</p>
      ) : null}
      <div className="flex gap-4 border-b border-slate-200 px-5 text-sm" role="tablist" aria-label="Partner status">
        {(["active", "deleted"] as const).map((s) => (
          <Link
            key={s}
            role="tab"
            aria-selected={status === s}
            href={href({ status: s === "active" ? undefined : s, page: undefined })}
            className={cn("-mb-px border-b-2 py-2.5 font-medium", status === s ? "border-brand-600 text-brand-700" : "border-transparent text-slate-500 hover:text-slate-700")}
          >
            {s === "active" ? "Partners" : "Recently deleted"}
          </Link>
        ))}
      </div>
      {justDeleted ? (
        <div role="status" className="flex items-center justify-between gap-3 border-b border-slate-200 bg-amber-50 px-5 py-2.5 text-sm text-amber-900">
          <span>
            “{justDeleted.name}” was deleted with its {justDeleted.key_count} key{justDeleted.key_count === 1 ? "" : "s"}, which stopped working. You can restore them for 30 days.
          </span>
          <ActionButton action={restorePartnerAction} fields={{ partnerId: justDeleted.id }} label="Undo" pendingLabel="Restoring…" ariaLabel={`Undo: restore ${justDeleted.name}`} />
        </div>
      ) : null}
      {partners.length === 0 ? (
        status === "deleted" ? (
          <EmptyState title="No recently deleted partners" description="A deleted partner and its keys stay here for 30 days. Restoring the partner brings its keys back." />
        ) : (
          <EmptyState
            title="No partners yet"
            description="Add a partner by email: it receives a one-time link to its first API key, limited to the level you choose."
          />
        )
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[760px] text-sm" data-testid="partners-table">
            <TableHead>
              <HeaderCell edge>Name</HeaderCell>
              <HeaderCell>Email</HeaderCell>
              <HeaderCell>Level</HeaderCell>
              <HeaderCell align="right">Keys</HeaderCell>
              <HeaderCell>{status === "deleted" ? "Deleted" : "Last activity"}</HeaderCell>
              <HeaderCell edge>Status</HeaderCell>
            </TableHead>
            <tbody className="divide-y divide-slate-100">
              {partners.map((p) => (
                <tr key={p.id} className="hover:bg-slate-50/60">
                  <td className="max-w-[16rem] px-5 py-3">
                    <Link href={`/settings/api/partners/${p.id}`} className="block truncate font-medium text-slate-900 hover:text-brand-700">{p.name}</Link>
                  </td>
                  <td className="max-w-[16rem] truncate px-3 py-3 text-slate-600">{p.email}</td>
                  <td className="px-3 py-3"><LevelBadge level={p.level} /></td>
                  <td className="px-3 py-3 text-right text-slate-600 tabular-nums">{p.key_count}</td>
                  <td className="px-3 py-3 text-slate-600">
                    {status === "deleted" ? <Time value={p.deleted_at} relative /> : p.last_activity_at ? <Time value={p.last_activity_at} relative /> : <span className="text-slate-400">None yet</span>}
                  </td>
                  <td className="px-5 py-3">
                    {status === "deleted" ? (
                      <ActionButton action={restorePartnerAction} fields={{ partnerId: p.id }} label="Restore" pendingLabel="Restoring…" ariaLabel={`Restore ${p.name}`} />
                    ) : (
                      <span className="inline-flex flex-wrap gap-1">
                        <PartnerStatusBadge status={p.status} />
                        {mailFailed.has(p.id) ? <Badge tone="red">Email failed</Badge> : null}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager total={list.total} noun="partner" page={page} pages={pages} hrefFor={(n) => href({ page: String(n) })} />
    </Card>
  );
}
