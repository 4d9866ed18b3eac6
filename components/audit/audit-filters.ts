// The history's filters, shared by the page and the CSV export so both show the same events.
import { historyQuerySchema, parsePageQuery } from "@/lib/validations/page-query";

export type AuditFilterInput = { actor?: string; action?: string; key?: string; from?: string; to?: string };

export const AUDIT_ACTIONS = ["key.created", "key.updated", "key.revealed", "key.rotated", "key.secret_retired", "key.deleted", "key.restored", "org.settings_updated"] as const;

/** The filters of a query string (total: impossible days are dropped and listed in `ignored`). */
export function auditFilters(input: AuditFilterInput | Record<string, string | string[] | undefined>) {
  const { actor, action, key, from, to, ignored } = parsePageQuery(historyQuerySchema, input);
  return { actor, action, key, from, to, ignored };
}

export function auditWhere(organizationId: string, f: ReturnType<typeof auditFilters>) {
  return {
    organizationId,
    ...(f.actor ? { actorLabel: { contains: f.actor } } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(f.key ? { targetId: f.key } : {}),
    ...(f.from || f.to
      ? { createdAt: { ...(f.from ? { gte: new Date(`${f.from}T00:00:00Z`) } : {}), ...(f.to ? { lt: new Date(new Date(`${f.to}T00:00:00Z`).getTime() + 864e5) } : {}) } }
      : {}),
  };
}

export function filterQuery(f: ReturnType<typeof auditFilters>): string {
  const { actor, action, key, from, to } = f;
  return new URLSearchParams(Object.entries({ actor, action, key, from, to }).filter(([, v]) => v) as [string, string][]).toString();
}
