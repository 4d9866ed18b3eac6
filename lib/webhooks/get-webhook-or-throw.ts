import "server-only";
import { db, type Tx } from "@/lib/db";
import { ApiError } from "@/lib/http/problem";

/** An endpoint of this organization; another organization's id is a 404. */
export async function getWebhookOrThrow(organizationId: string, id: string, client: Tx | typeof db = db) {
  const e = await client.webhookEndpoint.findFirst({ where: { id, organizationId } });
  if (!e) throw new ApiError("not_found", `No webhook endpoint with id ${id}.`);
  return e;
}
