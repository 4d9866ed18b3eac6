// GET /settings/api/history/export — the filtered audit log as CSV (lib/audit/audit-history.ts).
// Owners and Admins only (403 otherwise).
import { requireAdmin } from "@/lib/auth/session";
import { auditFilters, historyCsvStream } from "@/lib/audit/audit-history";

export async function GET(request: Request) {
  const m = await requireAdmin();
  const f = auditFilters(Object.fromEntries(new URL(request.url).searchParams));
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(historyCsvStream(m.organization.id, f), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="keydesk-history-${m.organization.slug}-${stamp}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
