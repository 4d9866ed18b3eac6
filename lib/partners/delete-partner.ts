import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/audit/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { ApiError } from "@/lib/http/problem";
import { RESTORE_WINDOW_MS } from "@/lib/keys/delete-key";
import { invalidateKey } from "@/lib/changes/announce-changes";
import { recordChanges } from "@/lib/changes/record-change";
import { keyInclude, serializeKey } from "@/lib/keys/serialize-key";
import { recordWebhookEvent } from "@/lib/webhooks/events";
import { getPartnerOrThrow } from "@/lib/partners/get-partner";
import { serializePartner } from "@/lib/partners/serialize-partner";

/** Deletes a partner and, at the same instant, all its live keys (one audit event lists them). */
export async function deletePartner(organizationId: string, partnerId: string, actor: Actor) {
  const { partner, keyIds } = await db.$transaction(async (tx) => {
    const p = await getPartnerOrThrow(organizationId, partnerId, tx);
    if (p.deletedAt) return { partner: p, keyIds: [] as string[] };
    const at = new Date();
    const keys = await tx.apiKey.findMany({ where: { partnerId, deletedAt: null }, select: { id: true, name: true } });
    await tx.apiKey.updateMany({ where: { partnerId, deletedAt: null }, data: { deletedAt: at } });
    for (const k of await tx.apiKey.findMany({ where: { id: { in: keys.map((x) => x.id) } }, include: keyInclude })) {
      await recordWebhookEvent(tx, { organizationId, type: "key.deleted", partnerId, data: serializeKey(k) });
    }
    await tx.claimToken.updateMany({ where: { partnerId, usedAt: null, voidedAt: null }, data: { voidedAt: at } });
    const after = await tx.partner.update({ where: { id: partnerId }, data: { deletedAt: at } });
    await recordAuditEvent(tx, { organizationId, actor, action: "partner.deleted", targetType: "partner", targetId: partnerId, metadata: { name: p.name, keys } });
    await recordChanges(tx, keys.map((k) => ({ kind: "key", ref: k.id })));
    return { partner: after, keyIds: keys.map((k) => k.id) };
  });
  keyIds.forEach(invalidateKey);
  return { ...serializePartner(partner, keyIds.length), deleted_key_ids: keyIds };
}

/** Within 30 days: the partner comes back with the keys that were deleted with it. */
export async function restorePartner(organizationId: string, partnerId: string, actor: Actor) {
  const { partner, keyIds } = await db.$transaction(async (tx) => {
    const p = await getPartnerOrThrow(organizationId, partnerId, tx);
    if (!p.deletedAt) return { partner: p, keyIds: [] as string[] };
    if (Date.now() - p.deletedAt.getTime() > RESTORE_WINDOW_MS) throw new ApiError("not_found", `No partner with id ${partnerId}.`);
    const keys = await tx.apiKey.findMany({ where: { partnerId, deletedAt: p.deletedAt }, select: { id: true, name: true } });
    await tx.apiKey.updateMany({ where: { partnerId, deletedAt: p.deletedAt }, data: { deletedAt: null } });
    for (const k of await tx.apiKey.findMany({ where: { id: { in: keys.map((x) => x.id) } }, include: keyInclude })) {
      await recordWebhookEvent(tx, { organizationId, type: "key.restored", partnerId, data: serializeKey(k) });
    }
    const after = await tx.partner.update({ where: { id: partnerId }, data: { deletedAt: null } });
    await recordAuditEvent(tx, { organizationId, actor, action: "partner.restored", targetType: "partner", targetId: partnerId, metadata: { name: p.name, keys } });
    await recordChanges(tx, keys.map((k) => ({ kind: "key", ref: k.id })));
    return { partner: after, keyIds: keys.map((k) => k.id) };
  });
  keyIds.forEach(invalidateKey);
  return serializePartner(partner, keyIds.length);
}

/** Removes partners deleted more than 30 days ago, with their keys (run with the hourly maintenance). */
export async function purgeDeletedPartners(now = Date.now()) {
  const { count } = await db.partner.deleteMany({ where: { deletedAt: { lt: new Date(now - RESTORE_WINDOW_MS) } } });
  return count;
}
