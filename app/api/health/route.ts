import { getHealth } from "@/lib/server/health";

// GET /api/health — no credential; 200 unless the database is unreachable (503)
export async function GET() {
  const health = await getHealth();
  return Response.json(health, { status: health.status === "down" ? 503 : 200, headers: { "Cache-Control": "no-store" } });
}
