// Approvals: created pending, decided once (approved or rejected) by a user, desk token or key.
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/audit/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { recordWebhookEvent } from "@/lib/webhooks/events";
import type { Approval } from "@/lib/generated/sqlite/client";
import { ApiError } from "@/lib/http/problem";
import type { CreateApprovalInput, UpdateApprovalStatusInput } from "@/lib/validations/approval";
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

export async function createApproval(organizationId: string, input: CreateApprovalInput, actor: Actor) {
  return db.$transaction(async (tx) => {
    const a = await tx.approval.create({
      data: {
        organizationId, title: input.title, description: input.description, requesterEmail: input.requester_email ?? null,
        createdByType: actor.type, createdById: actor.id, createdByLabel: actor.label,
      },
    });
    await recordAuditEvent(tx, { organizationId, actor, action: "approval.created", targetType: "approval", targetId: a.id, metadata: { title: a.title } });
    await recordWebhookEvent(tx, { organizationId, type: "approval.created", data: serializeApproval(a) });
    return serializeApproval(a);
  });
}

/** pending → approved | rejected, once. The conditional update makes two racing decisions safe. */
export async function decideApproval(organizationId: string, input: UpdateApprovalStatusInput, actor: Actor) {
  return db.$transaction(async (tx) => {
    const current = await tx.approval.findFirst({ where: { id: input.id, organizationId } });
    if (!current) throw new ApiError("not_found", `No approval with id ${input.id}.`);
    const { count } = await tx.approval.updateMany({
      where: { id: input.id, organizationId, status: "pending" },
      data: {
        status: input.status, comment: input.comment ?? null, decidedAt: new Date(),
        decidedByType: actor.type, decidedById: actor.id, decidedBy: actor.label,
      },
    });
    if (count === 0) throw new ApiError("conflict", `This approval was already ${current.status}; a decision cannot be changed.`, { current_status: current.status });
    await recordAuditEvent(tx, {
      organizationId, actor, action: "approval.decided", targetType: "approval", targetId: input.id,
      metadata: { status: input.status, comment: input.comment ?? null },
    });
    const decided = serializeApproval(await tx.approval.findUniqueOrThrow({ where: { id: input.id } }));
    await recordWebhookEvent(tx, { organizationId, type: "approval.decided", data: decided });
    return decided;
  });
}
