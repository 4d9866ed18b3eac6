import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/audit/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { ApiError } from "@/lib/http/problem";
import { insertKey } from "@/lib/keys/create-key";
import { serializeKey } from "@/lib/keys/serialize-key";
import { issueClaimLink, sendClaimEmail } from "@/lib/partners/claim-links";
import { LEVEL_PERMISSIONS, type PartnerLevel } from "@/lib/partners/partner-levels";
import { serializePartner } from "@/lib/partners/serialize-partner";
import { normalizeEmail } from "@/lib/users/password";

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
