// GET /settings/api/history/export — the filtered audit log as CSV, streamed in pages of 1,000 by
// cursor so 100,000 events never sit in memory. Owners and Admins only (403 otherwise).
import { db } from "@/lib/db";
import { requireAdmin } from "@/lib/auth/session";
import { auditFilters, auditWhere } from "@/components/audit/audit-filters";

const BATCH = 1000;
const COLUMNS = ["created_at", "action", "actor_type", "actor", "target_type", "target_id", "ip", "user_agent", "metadata"];

/** RFC 4180 quoting; a leading = + - @ is prefixed with ' so spreadsheets do not run it as a formula. */
function cell(v: unknown): string {
  let s = v === null || v === undefined ? "" : typeof v === "string" ? v : JSON.stringify(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export async function GET(request: Request) {
  const m = await requireAdmin();
  const url = new URL(request.url);
  const where = auditWhere(m.organization.id, auditFilters(Object.fromEntries(url.searchParams)));
  const encoder = new TextEncoder();
  let cursor: string | null = null;
  let headerSent = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(COLUMNS.join(",") + "\r\n"));
      }
      const rows = await db.auditEvent.findMany({
        where,
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: BATCH,
        ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      });
      if (rows.length) {
        const text = rows
          .map((e) => [e.createdAt.toISOString(), e.action, e.actorType, e.actorLabel, e.targetType, e.targetId, e.ip, e.userAgent, e.metadata].map(cell).join(","))
          .join("\r\n");
        controller.enqueue(encoder.encode(text + "\r\n"));
        cursor = rows[rows.length - 1]!.id;
      }
      if (rows.length < BATCH) controller.close();
    },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="keydesk-history-${m.organization.slug}-${stamp}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
