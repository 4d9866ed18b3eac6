// Another key for a partner, within its level, delivered by a claim link of its own (the key has
// no secret until the partner claims it).
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/audit/actor";
import { ApiError } from "@/lib/http/problem";
import { insertKey } from "@/lib/keys/create-key";
import type { Permission } from "@/lib/keys/permissions";
import { serializeKey } from "@/lib/keys/serialize-key";
import { issueClaimLink, sendClaimEmail } from "@/lib/partners/claim-links";
import { LEVEL_PERMISSIONS, withinLevel } from "@/lib/partners/partner-levels";
import { getPartnerOrThrow } from "@/lib/partners/get-partner";

export type PartnerKeyParams = { name?: string; permissions?: Permission[]; expiresAt?: Date | null; rateLimitPerHour?: number | null };

/** Another key for a partner, within its level, delivered by a new claim link. */
export async function addPartnerKey(organizationId: string, partnerId: string, p: PartnerKeyParams, actor: Actor) {
  const org = await db.organization.findUniqueOrThrow({ where: { id: organizationId } });
  const created = await db.$transaction(async (tx) => {
    const partner = await getPartnerOrThrow(organizationId, partnerId, tx);
    if (partner.deletedAt) throw new ApiError("conflict", "This partner was deleted; restore it first.");
    const level = partner.level;
    const permissions = p.permissions ?? LEVEL_PERMISSIONS[level];
    if (!withinLevel(level, permissions)) {
      throw new ApiError("invalid_request", "The request has invalid fields.", { errors: [{ path: "permissions", message: `A ${level} partner's keys may hold only ${LEVEL_PERMISSIONS[level].join(", ")}` }] });
    }
    const { key } = await insertKey(tx, org, { name: p.name ?? `${partner.name} key`, permissions, expiresAt: p.expiresAt, rateLimitPerHour: p.rateLimitPerHour, partnerId }, actor, { withSecret: false });
    const link = await issueClaimLink(tx, { organizationId, partnerId, keyId: key.id, sentBy: actor });
    return { key, link, email: partner.email };
  });
  const mail = await sendClaimEmail(created.link.claimTokenId, created.link.token);
  return { key: serializeKey(created.key), email: created.email, mail_status: mail.ok ? "sent" : "failed", mail_error: mail.error ?? null };
}
