// The history pages' reads of the audit log (Settings → API → History, its CSV export, and the
// history of one key or partner): the filters of the query string, one where-builder (case-blind
// actor search on both databases), pages, and the CSV stream. The API's own listing with cursors
// is lib/audit/list-audit-events.ts.
import "server-only";
import { containsInsensitive, db } from "@/lib/db";
import { historyQuerySchema, parsePageQuery } from "@/lib/validations/page-query";

export type AuditFilterInput = { actor?: string; action?: string; key?: string; from?: string; to?: string };
export type AuditFilters = ReturnType<typeof auditFilters>;

/** The filters of a query string (total: impossible days are dropped and listed in `ignored`). */
export function auditFilters(input: AuditFilterInput | Record<string, string | string[] | undefined>) {
  const { actor, action, key, from, to, ignored } = parsePageQuery(historyQuerySchema, input);
  return { actor, action, key, from, to, ignored };
}

/** The filters back as a query string (links to other pages and to the export keep them). */
export function filterQuery(f: AuditFilters): string {
  const { actor, action, key, from, to } = f;
  return new URLSearchParams(Object.entries({ actor, action, key, from, to }).filter(([, v]) => v) as [string, string][]).toString();
}

function historyWhere(organizationId: string, f: AuditFilters) {
  return {
    organizationId,
    ...(f.actor ? { actorLabel: containsInsensitive(f.actor) } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(f.key ? { targetId: f.key } : {}),
    ...(f.from || f.to
      ? { createdAt: { ...(f.from ? { gte: new Date(`${f.from}T00:00:00Z`) } : {}), ...(f.to ? { lt: new Date(new Date(`${f.to}T00:00:00Z`).getTime() + 864e5) } : {}) } }
      : {}),
  };
}

const NEWEST_FIRST = [{ createdAt: "desc" as const }, { id: "desc" as const }];

/** One page of the filtered history, newest first, and how many events match. */
export async function listHistory(organizationId: string, f: AuditFilters, page: number, perPage: number) {
  const where = historyWhere(organizationId, f);
  const [events, total] = await Promise.all([db.auditEvent.findMany({ where, orderBy: NEWEST_FIRST, skip: (page - 1) * perPage, take: perPage }), db.auditEvent.count({ where })]);
  return { events, total };
}

/** The latest events about one object (a key, a webhook endpoint) or several (a partner and its keys) of the organization. */
export function listEventsAbout(organizationId: string, targetId: string | string[], take = 50) {
  return db.auditEvent.findMany({ where: { organizationId, targetId: Array.isArray(targetId) ? { in: targetId } : targetId }, orderBy: NEWEST_FIRST, take });
}

const BATCH = 1000;
const COLUMNS = ["created_at", "action", "actor_type", "actor", "target_type", "target_id", "ip", "user_agent", "metadata"];

/** RFC 4180 quoting; a leading = + - @ is prefixed with ' so spreadsheets do not run it as a formula. */
function cell(v: unknown): string {
  let s = v === null || v === undefined ? "" : typeof v === "string" ? v : JSON.stringify(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The filtered history as CSV, read by cursor in batches of 1,000 so 100,000 events never sit in memory. */
export function historyCsvStream(organizationId: string, f: AuditFilters): ReadableStream<Uint8Array> {
  const where = historyWhere(organizationId, f);
  const encoder = new TextEncoder();
  let cursor: string | null = null;
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(COLUMNS.join(",") + "\r\n"));
      }
      const rows = await db.auditEvent.findMany({ where, orderBy: NEWEST_FIRST, take: BATCH, ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}) });
      if (rows.length) {
        const text = rows.map((e) => [e.createdAt.toISOString(), e.action, e.actorType, e.actorLabel, e.targetType, e.targetId, e.ip, e.userAgent, e.metadata].map(cell).join(",")).join("\r\n");
        controller.enqueue(encoder.encode(text + "\r\n"));
        cursor = rows[rows.length - 1].id;
      }
      if (rows.length < BATCH) controller.close();
    },
  });
}
