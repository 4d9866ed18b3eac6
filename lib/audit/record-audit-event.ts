// Audit events are written with the transaction client of the change they record: both land or neither.
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/audit/actor";
import type { AuditAction } from "@/lib/audit/audit-actions";

export type AuditInput = {
  organizationId: string;
  actor: Actor;
  action: AuditAction; // lib/audit/audit-actions.ts: an action without a label does not compile
  targetType: string;
  targetId?: string | null;
  metadata?: Record<string, unknown>;
};

export async function recordAuditEvent(tx: Tx, e: AuditInput) {
  return tx.auditEvent.create({
    data: {
      organizationId: e.organizationId,
      actorType: e.actor.type,
      actorId: e.actor.id,
      actorLabel: e.actor.label,
      action: e.action,
      targetType: e.targetType,
      targetId: e.targetId ?? null,
      ip: e.actor.ip ?? null,
      userAgent: e.actor.userAgent?.slice(0, 512) ?? null,
      metadata: (e.metadata ?? {}) as object,
    },
  });
}
