import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db";
import { requireAdmin } from "@/lib/auth/session";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ClockIcon } from "@/components/ui/icons";
import { AuditTable } from "@/components/audit/audit-table";

export const metadata: Metadata = { title: "API history" };

const PER_PAGE = 50;

export default async function HistoryPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const m = await requireAdmin();
  const page = Math.max(1, Math.min(100_000, Number.parseInt((await searchParams).page ?? "1", 10) || 1));
  const where = { organizationId: m.organization.id };
  const [events, total] = await Promise.all([
    db.auditEvent.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page - 1) * PER_PAGE, take: PER_PAGE }),
    db.auditEvent.count({ where }),
  ]);
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));
  return (
    <Card>
      <CardHeader title="History" description="Every change to keys and API settings in this organization, newest first: who did it, when and from which IP." />
      {total === 0 ? (
        <EmptyState icon={<ClockIcon />} title="Nothing has happened yet" description="Creating, revealing, rotating or deleting a key records an event here." />
      ) : (
        <>
          <AuditTable events={events} />
          <div className="flex items-center justify-between border-t border-slate-200 px-5 py-3 text-xs text-slate-500">
            <span>{total} event{total === 1 ? "" : "s"} · page {page} of {pages}</span>
            <span className="flex gap-3">
              {page > 1 ? <Link className="text-brand-600 hover:underline" href={`?page=${page - 1}`}>Newer</Link> : null}
              {page < pages ? <Link className="text-brand-600 hover:underline" href={`?page=${page + 1}`}>Older</Link> : null}
            </span>
          </div>
        </>
      )}
    </Card>
  );
}
