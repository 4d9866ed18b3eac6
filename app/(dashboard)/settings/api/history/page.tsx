import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/auth/session";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ClockIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { auditActionGroups } from "@/lib/audit/audit-actions";
import { auditFilters, filterQuery, listHistory } from "@/lib/audit/audit-history";
import { AuditTable } from "@/components/audit/audit-table";
import { historyQuerySchema, parsePageQuery } from "@/lib/validations/page-query";

export const metadata: Metadata = { title: "API history" };

const PER_PAGE = 50;
const selectClass = "h-9 rounded-md border-0 bg-white px-2.5 text-sm text-slate-700 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500 focus:outline-none";

export default async function HistoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const m = await requireAdmin();
  const sp = await searchParams;
  const { page } = parsePageQuery(historyQuerySchema, sp);
  const f = auditFilters(sp);
  const { events, total } = await listHistory(m.organization.id, f, page, PER_PAGE);
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));
  const q = filterQuery(f);
  const filtered = q.length > 0;
  return (
    <Card>
      <CardHeader
        title="History"
        description="Everything that changed in this organization, newest first: keys, partners, webhooks, the team, settings, articles and approvals. Who did it, when and from which IP."
        actions={
          <Button asChild variant="secondary" size="sm">
            <a href={`/settings/api/history/export${q ? `?${q}` : ""}`} download>Export CSV</a>
          </Button>
        }
      />
      <form method="get" className="flex flex-wrap items-end gap-2 border-b border-slate-200 px-5 py-3" aria-label="Filter history">
        <div className="w-56"><Input name="actor" defaultValue={f.actor} placeholder="Actor (email or key)" aria-label="Actor" /></div>
        <select name="action" defaultValue={f.action ?? ""} aria-label="Action" className={selectClass}>
          <option value="">Any action</option>
          {auditActionGroups().map((g) => (
            <optgroup key={g.group} label={g.group}>
              {g.actions.map((a) => <option key={a.value} value={a.value}>{a.label}</option>)}
            </optgroup>
          ))}
        </select>
        <div className="w-44"><Input name="key" defaultValue={f.key} placeholder="Key id" aria-label="Key id" /></div>
        <div className="w-40"><Input type="date" name="from" defaultValue={f.from} aria-label="From date" /></div>
        <div className="w-40"><Input type="date" name="to" defaultValue={f.to} aria-label="To date" /></div>
        <Button type="submit" size="sm" variant="secondary">Filter</Button>
        {filtered ? <Link href="/settings/api/history" className="px-2 text-sm text-slate-500 hover:text-slate-700">Clear</Link> : null}
      </form>
      {f.ignored.length ? (
        <p role="status" className="border-b border-slate-200 bg-amber-50 px-5 py-2.5 text-sm text-amber-800">
          Ignored the {f.ignored.join(" and ")} date: it is not a real calendar day (use YYYY-MM-DD).
        </p>
      ) : null}
      {total === 0 ? (
        <EmptyState icon={<ClockIcon />} title={filtered ? "No events match" : "Nothing has happened yet"} description={filtered ? "Try other filters." : "Creating a key, adding a partner or a member, changing a setting: each records an event here."} />
      ) : (
        <>
          <AuditTable events={events} />
          <div className="flex items-center justify-between border-t border-slate-200 px-5 py-3 text-xs text-slate-500">
            <span>{total.toLocaleString("en")} event{total === 1 ? "" : "s"} · page {page} of {pages}</span>
            <span className="flex gap-3">
              {page > 1 ? <Link className="text-brand-600 hover:underline" href={`?${q ? `${q}&` : ""}page=${page - 1}`}>Newer</Link> : null}
              {page < pages ? <Link className="text-brand-600 hover:underline" href={`?${q ? `${q}&` : ""}page=${page + 1}`}>Older</Link> : null}
            </span>
          </div>
        </>
      )}
    </Card>
  );
}
