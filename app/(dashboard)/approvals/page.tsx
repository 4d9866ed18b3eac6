import type { Metadata } from "next";
import Link from "next/link";
import { listApprovals } from "@/lib/approvals/list-approvals";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { requireMembership } from "@/lib/auth/session";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Time } from "@/components/ui/time";
import { DecideForm } from "./decide-form";
import { approvalsPageQuerySchema, parsePageQuery } from "@/lib/validations/page-query";

export const metadata: Metadata = { title: "Approvals" };

// /approvals — pending approvals, decided by any member (the API's GetApprovalNotComplete, in the
// browser), and a Decided tab: what was decided, by whom, with the comment.
export default async function ApprovalsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const m = await requireMembership();
  const { page, status } = parsePageQuery(approvalsPageQuerySchema, await searchParams);
  const decided = status === "decided";
  const { data, total, per_page } = await listApprovals(m.organization.id, status, page, 25);
  const tab = (to: "pending" | "decided", label: string) => (
    <Link href={to === "pending" ? "/approvals" : "/approvals?status=decided"} aria-current={status === to ? "page" : undefined} className={cn("rounded-md px-3 py-1.5 text-sm font-medium", status === to ? "bg-white text-slate-900 shadow-sm" : "text-slate-500 hover:text-slate-700")}>
      {label}
    </Link>
  );
  return (
    <>
      <PageHeader title="Approvals" description="Requests waiting for a decision, and the ones already decided. Apps submit them through the approvals API." />
      <nav aria-label="Approvals" className="mb-4 inline-flex rounded-lg bg-slate-100 p-1">
        {tab("pending", "Waiting")}
        {tab("decided", "Decided")}
      </nav>
      <Card>
        {data.length === 0 ? (
          decided ? (
            <EmptyState title="Nothing decided yet" description="Approvals decided here or through the API (UpdateApprovalStatus) are listed here." />
          ) : (
            <EmptyState title="Nothing waiting" description="New requests arrive through the approvals API (CreateApproval) and appear here." />
          )
        ) : decided ? (
          <ul className="divide-y divide-slate-200" data-testid="decided-approvals">
            {data.map((a) => (
              <li key={a.id} className="px-5 py-4">
                <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                  {a.title}
                  <Badge tone={a.status === "approved" ? "green" : "red"}>{a.status === "approved" ? "Approved" : "Rejected"}</Badge>
                </p>
                <p className="mt-1 text-xs text-slate-500">
                  {a.decided_by ? <>By {a.decided_by} · </> : null}
                  <Time value={a.updated_at} relative />
                  {a.requester_email ? <> · asked by {a.requester_email}</> : null}
                </p>
                {a.comment ? <p className="mt-1 text-sm whitespace-pre-wrap text-slate-600">“{a.comment}”</p> : null}
              </li>
            ))}
          </ul>
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
          {page > 1 ? <a className="underline" href={`/approvals?${decided ? "status=decided&" : ""}page=${page - 1}`}>Previous</a> : null}
          {page * per_page < total ? <a className="underline" href={`/approvals?${decided ? "status=decided&" : ""}page=${page + 1}`}>Next</a> : null}
        </nav>
      ) : null}
    </>
  );
}
