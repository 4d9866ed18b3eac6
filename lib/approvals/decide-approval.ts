// Deciding an approval once (UpdateApprovalStatus): approved or rejected with a comment; a second
// decision is 409 naming the current status. Audited, approval.decided webhook.
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/audit/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { recordWebhookEvent } from "@/lib/webhooks/events";
import { ApiError } from "@/lib/http/problem";
import type { UpdateApprovalStatusInput } from "@/lib/validations/approval";
import { serializeApproval } from "@/lib/approvals/list-approvals";

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
