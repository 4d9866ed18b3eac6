import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/audit/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { recordWebhookEvent } from "@/lib/webhooks/events";
import { ApiError } from "@/lib/http/problem";
import { getKeyOrThrow, type KeyGuard } from "@/lib/keys/get-key-or-throw";
import { invalidateKey } from "@/lib/changes/announce-changes";
import { recordChange } from "@/lib/changes/record-change";
import { keyInclude, serializeKey } from "@/lib/keys/serialize-key";

/** Deleted keys can be restored for this long, then they are purged. */
export const RESTORE_WINDOW_MS = 30 * 24 * 3600 * 1000;

/** Soft delete: the key stops working at once (cache invalidated) and can be restored for 30 days. */
export async function deleteKey(organizationId: string, id: string, actor: Actor, guard?: KeyGuard) {
  const key = await db.$transaction(async (tx) => {
    const k = await getKeyOrThrow(organizationId, id, tx);
    guard?.(k);
    if (k.deletedAt) return k;
    const after = await tx.apiKey.update({ where: { id }, data: { deletedAt: new Date() }, include: keyInclude });
    await recordAuditEvent(tx, { organizationId, actor, action: "key.deleted", targetType: "key", targetId: id, metadata: { name: k.name } });
    await recordWebhookEvent(tx, { organizationId, type: "key.deleted", data: serializeKey(after) });
    await recordChange(tx, "key", id);
    return after;
  });
  invalidateKey(id);
  return serializeKey(key);
}

/** Brings a deleted key back with its secrets that have not expired meanwhile. */
export async function restoreKey(organizationId: string, id: string, actor: Actor, guard?: KeyGuard) {
  const key = await db.$transaction(async (tx) => {
    const k = await getKeyOrThrow(organizationId, id, tx);
    guard?.(k);
    if (!k.deletedAt) return k;
    if (Date.now() - k.deletedAt.getTime() > RESTORE_WINDOW_MS) throw new ApiError("not_found", `No API key with id ${id}.`);
    // a partner's key lives and dies with its partner: restoring the partner brings its keys back
    if (k.partnerId && (await tx.partner.findUnique({ where: { id: k.partnerId }, select: { deletedAt: true } }))?.deletedAt) {
      throw new ApiError("conflict", "This key belongs to a deleted partner. Restore the partner (POST /api/v1/partners/{id}/restore) to bring its keys back.", { partner_id: k.partnerId });
    }
    const after = await tx.apiKey.update({ where: { id }, data: { deletedAt: null }, include: keyInclude });
    await recordAuditEvent(tx, { organizationId, actor, action: "key.restored", targetType: "key", targetId: id, metadata: { name: k.name } });
    await recordWebhookEvent(tx, { organizationId, type: "key.restored", data: serializeKey(after) });
    await recordChange(tx, "key", id);
    return after;
  });
  invalidateKey(id);
  return serializeKey(key);
}

/** Removes keys deleted more than 30 days ago (run at start-up and hourly). */
export async function purgeDeletedKeys(now = Date.now()) {
  const { count } = await db.apiKey.deleteMany({ where: { deletedAt: { lt: new Date(now - RESTORE_WINDOW_MS) } } });
  return count;
}
