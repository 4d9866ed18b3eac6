import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/auth/session";
import { lastDeliveries } from "@/lib/webhooks/list-webhook-deliveries";
import { listPartners, partnerNames } from "@/lib/partners/list-partners";
import { listWebhooks } from "@/lib/webhooks/list-webhooks";
import { Pager } from "@/components/ui/pager";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Time } from "@/components/ui/time";
import { HeaderCell, TableHead } from "@/components/ui/table";
import { AddWebhookDialog } from "@/components/webhooks/add-webhook-dialog";
import { DeliveryStatusBadge, EndpointStatusBadge, statusCodeTone } from "@/components/webhooks/webhook-badges";
import { webhooksPageQuerySchema, parsePageQuery } from "@/lib/validations/page-query";

export const metadata: Metadata = { title: "Webhooks" };

const PER_PAGE = 25;

// /settings/api/webhooks — the organization's endpoints, "Add endpoint".
export default async function WebhooksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const m = await requireAdmin();
  const org = m.organization;
  const sp = parsePageQuery(webhooksPageQuerySchema, await searchParams);
  const { page } = sp;

  const [list, partnerList] = await Promise.all([listWebhooks(org.id, { page, perPage: PER_PAGE }), listPartners(org.id, { status: "active", perPage: 100 })]);
  const [last, partnersById] = await Promise.all([lastDeliveries(list.data.map((w) => w.id)), partnerNames(org.id, list.data.map((w) => w.partner_id))]);
  const partnerName = new Map([...partnersById].map(([id, p]) => [id, p.name]));
  const pages = Math.max(1, Math.ceil(list.total / PER_PAGE));
  const add = <AddWebhookDialog partners={partnerList.data.map((p) => ({ id: p.id, name: p.name }))} />;

  return (
    <Card>
      <CardHeader
        title="Webhooks"
        description={`Endpoints that Keydesk calls when articles, approvals or keys of ${org.name} change. Each delivery is signed and retried for about a day until it succeeds.`}
        actions={add}
      />
      {sp.deleted ? (
        <p role="status" className="border-b border-slate-200 bg-slate-50 px-5 py-2.5 text-sm text-slate-700">The endpoint was deleted with its delivery log.</p>
      ) : null}
      {list.data.length === 0 ? (
        <EmptyState title="No endpoints yet" description="Add an endpoint to have Keydesk send a signed request to your server when something happens, such as an article being published." />
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[820px] text-sm" data-testid="webhooks-table">
            <TableHead>
              <HeaderCell edge>Endpoint</HeaderCell>
              <HeaderCell align="right">Events</HeaderCell>
              <HeaderCell>Partner</HeaderCell>
              <HeaderCell>Status</HeaderCell>
              <HeaderCell edge>Last delivery</HeaderCell>
            </TableHead>
            <tbody className="divide-y divide-slate-100">
              {list.data.map((w) => {
                const d = last.get(w.id);
                const code = d?.attemptLog[0]?.statusCode ?? null;
                return (
                  <tr key={w.id} className="hover:bg-slate-50/60">
                    <td className="max-w-[22rem] px-5 py-3">
                      <Link href={`/settings/api/webhooks/${w.id}`} className="block truncate font-mono text-[13px] font-medium text-slate-900 hover:text-brand-700">{w.url}</Link>
                      {w.description ? <span className="block truncate text-xs text-slate-500">{w.description}</span> : null}
                    </td>
                    <td className="px-3 py-3 text-right text-slate-600 tabular-nums" title={w.events.join(", ")}>
                      {w.events.length} <span className="sr-only">events</span>
                    </td>
                    <td className="max-w-[10rem] truncate px-3 py-3 text-slate-600">
                      {w.partner_id ? (
                        <Link href={`/settings/api/partners/${w.partner_id}`} className="hover:text-brand-700">{partnerName.get(w.partner_id) ?? "Partner"}</Link>
                      ) : (
                        <span className="text-slate-400">—</span>
                      )}
                    </td>
                    <td className="px-3 py-3">
                      <EndpointStatusBadge enabled={w.enabled} pausedReason={w.paused_reason} />
                      {!w.enabled && w.paused_reason ? <span className="mt-0.5 block max-w-[14rem] text-xs text-slate-500">{w.paused_reason}</span> : null}
                    </td>
                    <td className="px-5 py-3 text-slate-600">
                      {d ? (
                        <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-0.5">
                          <DeliveryStatusBadge status={d.status} />
                          {code !== null ? <span className={`font-mono text-xs ${statusCodeTone(code)}`}>{code}</span> : null}
                          <span className="text-xs text-slate-500"><span className="font-mono">{d.event.type}</span> · <Time value={d.createdAt} relative /></span>
                        </span>
                      ) : (
                        <span className="text-slate-400">None yet</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pager total={list.total} noun="endpoint" page={page} pages={pages} hrefFor={(n) => `?page=${n}`} />
    </Card>
  );
}
