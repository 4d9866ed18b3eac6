// The history's filters, shared by the page and the CSV export so both show the same events.
export type AuditFilterInput = { actor?: string; action?: string; key?: string; from?: string; to?: string };

export const AUDIT_ACTIONS = ["key.created", "key.updated", "key.revealed", "key.rotated", "key.secret_retired", "key.deleted", "key.restored", "org.settings_updated"] as const;

const day = (s: string | undefined) => (s && /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : undefined);

export function auditFilters(input: AuditFilterInput) {
  const f = {
    actor: input.actor?.trim().slice(0, 200) || undefined,
    action: input.action?.trim().slice(0, 100) || undefined,
    key: input.key?.trim().slice(0, 64) || undefined,
    from: day(input.from),
    to: day(input.to),
  };
  return f;
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
  return new URLSearchParams(Object.entries(f).filter(([, v]) => v) as [string, string][]).toString();
}
