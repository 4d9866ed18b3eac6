import { listAuditEvents, streamAuditEvents } from "@/lib/audit/list-audit-events";
import { parseInput, searchParamsObject } from "@/lib/http/parse-body";
import { json } from "@/lib/http/respond";
import { withApiKey } from "@/lib/http/with-api-key";
import { listAuditEventsQuerySchema } from "@/lib/validations/audit";

// GET /api/v1/audit-events — the audit log, filtered, by cursor; Accept: application/x-ndjson streams it all
export const GET = withApiKey(
  async ({ req, url, auth }) => {
    const q = parseInput(listAuditEventsQuerySchema, searchParamsObject(url), "The query");
    if (/application\/x-ndjson/i.test(req.headers.get("accept") ?? "")) {
      return new Response(streamAuditEvents(auth.org.id, q), { headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store" } });
    }
    return json(await listAuditEvents(auth.org.id, q));
  },
  { permission: "audit:read" },
);
