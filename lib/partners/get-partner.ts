// One partner of an organization (404 for another organization's id), and what its level allows.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { ApiError } from "@/lib/http/problem";
import { LEVEL_PERMISSIONS, partnerLevelOf } from "@/lib/partners/partner-levels";
import { serializePartner } from "@/lib/partners/serialize-partner";

export async function getPartnerOrThrow(organizationId: string, id: string, client: Tx | typeof db = db) {
  const p = await client.partner.findFirst({ where: { id, organizationId } });
  if (!p) throw new ApiError("not_found", `No partner with id ${id}.`);
  return { ...p, level: partnerLevelOf(p.level) };
}

/** The permissions a partner's level allows: what a key must hold to manage that partner. */
export async function partnerLevelPermissions(organizationId: string, id: string) {
  return LEVEL_PERMISSIONS[(await getPartnerOrThrow(organizationId, id)).level];
}

export async function getPartner(organizationId: string, id: string) {
  const p = await getPartnerOrThrow(organizationId, id);
  const count = await db.apiKey.count({ where: { partnerId: id, deletedAt: p.deletedAt ? undefined : null } });
  return serializePartner(p, count);
}
