// A new approval request (CreateApproval): audited, approval.created webhook.
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/audit/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { recordWebhookEvent } from "@/lib/webhooks/events";
import type { CreateApprovalInput } from "@/lib/validations/approval";
import { serializeApproval } from "@/lib/approvals/list-approvals";

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
