import type { Metadata } from "next";
import { listPendingApprovals } from "@/lib/approvals/approvals";
import { requireMembership } from "@/lib/auth/session";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Time } from "@/components/ui/time";
import { DecideForm } from "./decide-form";
import { approvalsPageQuerySchema, parsePageQuery } from "@/lib/validations/page-query";

export const metadata: Metadata = { title: "Approvals" };

// /approvals — pending approvals, decided by any member (the API's GetApprovalNotComplete, in the browser)
export default async function ApprovalsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const m = await requireMembership();
  const { page } = parsePageQuery(approvalsPageQuerySchema, await searchParams);
  const { data, total, per_page } = await listPendingApprovals(m.organization.id, page, 25);
  return (
    <>
      <PageHeader title="Approvals" description="Requests waiting for a decision. The same list the API serves at /api/v2/approvals/GetApprovalNotComplete." />
      <Card>
        {data.length === 0 ? (
          <EmptyState title="Nothing waiting" description="New requests arrive through the approvals API (CreateApproval) and appear here." />
        ) : (
          <ul className="divide-y divide-slate-200">
            {data.map((a) => (
              <li key={a.id} className="flex flex-wrap items-start justify-between gap-4 px-5 py-4">
                <div className="min-w-0">
                  <p className="font-medium text-slate-900">{a.title}</p>
                  {a.description ? <p className="mt-1 text-sm whitespace-pre-wrap text-slate-600">{a.description}</p> : null}
                  <p className="mt-1 text-xs text-slate-500">
                    {a.requester_email ? <>From {a.requester_email} · </> : null}
                    <Time value={a.created_at} relative />
                  </p>
                </div>
                <DecideForm id={a.id} title={a.title} />
              </li>
            ))}
          </ul>
        )}
      </Card>
      {total > per_page ? (
        <nav className="mt-4 flex gap-3 text-sm" aria-label="Pages">
          {page > 1 ? <a className="underline" href={`/approvals?page=${page - 1}`}>Previous</a> : null}
          {page * per_page < total ? <a className="underline" href={`/approvals?page=${page + 1}`}>Next</a> : null}
        </nav>
      ) : null}
    </>
  );
}
