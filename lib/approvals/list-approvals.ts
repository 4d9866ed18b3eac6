// Approvals as the API shows them; the pending list (GetApprovalNotComplete) and the decided ones.
import "server-only";
import { db } from "@/lib/db";
import type { Approval } from "@/lib/generated/sqlite/client";
import { listEnvelope } from "@/lib/validations/common";

export function serializeApproval(a: Approval) {
  return {
    id: a.id,
    title: a.title,
    description: a.description,
    status: a.status,
    requester_email: a.requesterEmail,
    decided_by: a.decidedBy,
    comment: a.comment,
    created_at: a.createdAt.toISOString(),
    updated_at: a.updatedAt.toISOString(),
  };
}

/** Pending approvals, newest first. */
export function listPendingApprovals(organizationId: string, page = 1, perPage = 25) {
  return listApprovals(organizationId, "pending", page, perPage);
}

/** Pending approvals newest first, or decided ones most recently decided first (the page's Decided tab). */
export async function listApprovals(organizationId: string, which: "pending" | "decided", page = 1, perPage = 25) {
  const where = which === "pending" ? { organizationId, status: "pending" as const } : { organizationId, status: { not: "pending" as const } };
  const orderBy = which === "pending" ? [{ createdAt: "desc" as const }, { id: "desc" as const }] : [{ updatedAt: "desc" as const }, { id: "desc" as const }];
  const [rows, total] = await Promise.all([
    db.approval.findMany({ where, orderBy, skip: (page - 1) * perPage, take: perPage }),
    db.approval.count({ where }),
  ]);
  return listEnvelope(rows.map(serializeApproval), page, perPage, total);
}
