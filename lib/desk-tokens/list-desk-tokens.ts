// A user's desk tokens in one organization (the profile page and GET /api/v2/desk-tokens).
import "server-only";
import { db } from "@/lib/db";
import { serializeDeskToken } from "@/lib/desk-tokens/mint-desk-token";

export async function listDeskTokens(organizationId: string, userId: string) {
  const rows = await db.deskToken.findMany({ where: { organizationId, userId }, orderBy: { createdAt: "desc" }, take: 100 });
  return rows.map(serializeDeskToken);
}
