// The audit log as an API (GET /api/v1/audit-events), for SIEMs: filters, keyset pagination on
// (created_at, id) behind an opaque cursor, so pages stay stable while new events arrive, and an NDJSON
// stream that reads the filtered events a batch at a time instead of all at once.
import "server-only";
import { containsInsensitive, db } from "@/lib/db";
import { ApiError } from "@/lib/http/problem";
import type { ListAuditEventsQuery } from "@/lib/validations/audit";

type Row = { id: string; action: string; actorType: string; actorId: string | null; actorLabel: string; targetType: string; targetId: string | null; ip: string | null; userAgent: string | null; metadata: unknown; createdAt: Date };

export function serializeAuditEvent(e: Row) {
  return {
    id: e.id,
    action: e.action,
    actor: { type: e.actorType, id: e.actorId, label: e.actorLabel },
    target: { type: e.targetType, id: e.targetId },
    ip: e.ip,
    user_agent: e.userAgent,
    metadata: e.metadata ?? {},
    created_at: e.createdAt.toISOString(),
  };
}

type Cursor = { t: number; id: string };

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify([c.t, c.id])).toString("base64url");

function decodeCursor(s: string): Cursor {
  try {
    const [t, id] = JSON.parse(Buffer.from(s, "base64url").toString("utf8")) as unknown[];
    if (typeof t === "number" && Number.isFinite(t) && typeof id === "string" && id.length <= 64) return { t, id };
  } catch {
    /* below */
  }
  throw new ApiError("invalid_request", "The cursor is not one this API gave out.", { errors: [{ path: "cursor", message: "Use next_cursor from the previous page" }] });
}

function whereFor(organizationId: string, q: Omit<ListAuditEventsQuery, "limit">, after: Cursor | null) {
  const asc = q.order === "asc";
  const and: object[] = [];
  if (q.since) and.push({ createdAt: { gte: q.since } });
  if (q.until) and.push({ createdAt: { lt: q.until } });
  // past the cursor: a range on created_at (served by the index), minus the rows of the cursor's own
  // instant already given
  if (after) {
    const t = new Date(after.t);
    and.push({ createdAt: asc ? { gte: t } : { lte: t } }, { NOT: { createdAt: t, id: asc ? { lte: after.id } : { gte: after.id } } });
  }
  return {
    organizationId,
    ...(q.action ? { action: q.action } : {}),
    ...(q.actor ? { OR: [{ actorId: q.actor }, { actorLabel: containsInsensitive(q.actor) }] } : {}),
    ...(q.key_id ? { targetType: "key", targetId: q.key_id } : {}),
    ...(and.length ? { AND: and } : {}),
  };
}

async function page(organizationId: string, q: Omit<ListAuditEventsQuery, "limit" | "cursor">, after: Cursor | null, limit: number) {
  const dir = q.order === "asc" ? "asc" : "desc";
  const rows = await db.auditEvent.findMany({ where: whereFor(organizationId, q, after), orderBy: [{ createdAt: dir }, { id: dir }], take: limit });
  const last = rows.at(-1);
  return { rows, next: rows.length === limit && last ? { t: last.createdAt.getTime(), id: last.id } : null };
}

export async function listAuditEvents(organizationId: string, q: ListAuditEventsQuery) {
  const { rows, next } = await page(organizationId, q, q.cursor ? decodeCursor(q.cursor) : null, q.limit);
  return { data: rows.map(serializeAuditEvent), next_cursor: next ? encodeCursor(next) : null };
}

/** Every filtered event as NDJSON, read 500 at a time: memory stays flat however many there are. */
export function streamAuditEvents(organizationId: string, q: ListAuditEventsQuery): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after: Cursor | null = q.cursor ? decodeCursor(q.cursor) : null;
  let done = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (done) return controller.close();
      const { rows, next } = await page(organizationId, q, after, 500);
      if (rows.length) controller.enqueue(encoder.encode(rows.map((r) => JSON.stringify(serializeAuditEvent(r))).join("\n") + "\n"));
      after = next;
      if (!next) {
        done = true;
        controller.close();
      }
    },
  });
}
