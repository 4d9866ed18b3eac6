import { db } from "@/lib/db";
import type { Actor } from "@/lib/audit/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { ApiError } from "@/lib/http/problem";
import { insertKey } from "@/lib/keys/create-key";
import { isSubset, type Permission } from "@/lib/keys/permissions";
import { serializeKey } from "@/lib/keys/serialize-key";
import { issueClaimLink, sendClaimEmail } from "@/lib/partners/claim-links";
import { LEVEL_PERMISSIONS, type PartnerLevel } from "@/lib/partners/partner-levels";
import { getPartnerOrThrow, serializePartner } from "@/lib/partners/partners";
import { normalizeEmail } from "@/lib/users/password";

export type PartnerKeyParams = { name?: string; permissions?: Permission[]; expiresAt?: Date | null; rateLimitPerHour?: number | null };

/** Adds a partner with its first key (the level's permissions) and emails the claim link. */
export async function createPartner(organizationId: string, input: { name: string; email: string; level: PartnerLevel }, actor: Actor) {
  const org = await db.organization.findUnique({ where: { id: organizationId } });
  if (!org) throw new ApiError("not_found", "No such organization.");
  const created = await db.$transaction(async (tx) => {
    const partner = await tx.partner.create({ data: { organizationId, name: input.name.trim(), email: normalizeEmail(input.email), level: input.level } });
    const { key } = await insertKey(tx, org, { name: `${partner.name} key`, permissions: LEVEL_PERMISSIONS[input.level], partnerId: partner.id }, actor, { withSecret: false });
    const link = await issueClaimLink(tx, { organizationId, partnerId: partner.id, keyId: key.id, sentBy: actor });
    await recordAuditEvent(tx, { organizationId, actor, action: "partner.created", targetType: "partner", targetId: partner.id, metadata: { name: partner.name, email: partner.email, level: partner.level, key_id: key.id } });
    return { partner, key, link };
  });
  const mail = await sendClaimEmail(created.link.claimTokenId, created.link.token);
  return { partner: serializePartner(created.partner, 1), key: serializeKey(created.key), mail_status: mail.ok ? "sent" : "failed", mail_error: mail.error ?? null };
}

/** Another key for a partner, within its level, delivered by a new claim link. */
export async function addPartnerKey(organizationId: string, partnerId: string, p: PartnerKeyParams, actor: Actor) {
  const org = await db.organization.findUniqueOrThrow({ where: { id: organizationId } });
  const created = await db.$transaction(async (tx) => {
    const partner = await getPartnerOrThrow(organizationId, partnerId, tx);
    if (partner.deletedAt) throw new ApiError("conflict", "This partner was deleted; restore it first.");
    const level = partner.level as PartnerLevel;
    const permissions = p.permissions ?? LEVEL_PERMISSIONS[level];
    if (!isSubset(permissions, LEVEL_PERMISSIONS[level])) {
      throw new ApiError("invalid_request", "The request has invalid fields.", { errors: [{ path: "permissions", message: `A ${level} partner's keys may hold only ${LEVEL_PERMISSIONS[level].join(", ")}` }] });
    }
    const { key } = await insertKey(tx, org, { name: p.name ?? `${partner.name} key`, permissions, expiresAt: p.expiresAt, rateLimitPerHour: p.rateLimitPerHour, partnerId }, actor, { withSecret: false });
    const link = await issueClaimLink(tx, { organizationId, partnerId, keyId: key.id, sentBy: actor });
    return { key, link };
  });
  const mail = await sendClaimEmail(created.link.claimTokenId, created.link.token);
  return { key: serializeKey(created.key), mail_status: mail.ok ? "sent" : "failed", mail_error: mail.error ?? null };
}
