import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/audit/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { ApiError } from "@/lib/http/problem";
import { invalidateKey } from "@/lib/changes/announce-changes";
import { recordChanges } from "@/lib/changes/record-change";
import { permissionsIndexFor, presetFor } from "@/lib/keys/permissions";
import { narrowToLevel, withinLevel, type PartnerLevel } from "@/lib/partners/partner-levels";
import { getPartnerOrThrow } from "@/lib/partners/get-partner";
import { serializePartner } from "@/lib/partners/serialize-partner";
import { normalizeEmail } from "@/lib/users/password";

/** The partner's live keys that a new level would narrow, with what each would keep. */
export async function keysNarrowedBy(organizationId: string, partnerId: string, level: PartnerLevel) {
  const keys = await db.apiKey.findMany({ where: { organizationId, partnerId, deletedAt: null }, select: { id: true, name: true, permissions: true } });
  return keys
    .filter((k) => !withinLevel(level, k.permissions as string[]))
    .map((k) => ({ id: k.id, name: k.name, permissions: k.permissions as string[], narrowed_to: narrowToLevel(level, k.permissions as string[]) }));
}

/**
 * Rename, change the email or the level. A narrower level narrows the keys beyond it, but only
 * with `narrowKeys` (the confirmation): without it the answer is 409 listing those keys.
 */
export async function updatePartner(organizationId: string, partnerId: string, p: { name?: string; email?: string; level?: PartnerLevel; narrowKeys?: boolean; disabled?: boolean }, actor: Actor) {
  const touched: string[] = [];
  const narrowed: string[] = [];
  const partner = await db.$transaction(async (tx) => {
    const before = await getPartnerOrThrow(organizationId, partnerId, tx);
    if (before.deletedAt) throw new ApiError("conflict", "This partner was deleted; restore it first.");
    if (p.level && p.level !== before.level) {
      const affected = await keysNarrowedBy(organizationId, partnerId, p.level);
      if (affected.length && !p.narrowKeys) {
        throw new ApiError("conflict", `Changing the level narrows ${affected.length} key(s). Confirm with narrow_keys: true.`, { keys_to_narrow: affected });
      }
      for (const k of affected) {
        await tx.apiKey.update({ where: { id: k.id }, data: { permissions: k.narrowed_to, permissionsIndex: permissionsIndexFor(k.narrowed_to), preset: presetFor(k.narrowed_to) } });
        narrowed.push(k.id);
      }
    }
    const after = await tx.partner.update({
      where: { id: partnerId },
      data: { name: p.name?.trim(), email: p.email ? normalizeEmail(p.email) : undefined, level: p.level, disabled: p.disabled },
    });
    if (after.disabled !== before.disabled) {
      // every key of the partner is checked with the partner's pause: each must be re-read everywhere
      const keys = await tx.apiKey.findMany({ where: { partnerId }, select: { id: true } });
      touched.push(...keys.map((k) => k.id));
      await recordAuditEvent(tx, { organizationId, actor, action: after.disabled ? "partner.paused" : "partner.resumed", targetType: "partner", targetId: partnerId, metadata: { name: after.name, keys: touched.length } });
    }
    await recordAuditEvent(tx, {
      organizationId, actor, action: "partner.updated", targetType: "partner", targetId: partnerId,
      metadata: { before: { name: before.name, email: before.email, level: before.level }, after: { name: after.name, email: after.email, level: after.level }, narrowed_keys: narrowed },
    });
    await recordChanges(tx, [...new Set([...narrowed, ...touched])].map((ref) => ({ kind: "key", ref })));
    return after;
  });
  [...new Set([...narrowed, ...touched])].forEach(invalidateKey);
  const count = await db.apiKey.count({ where: { partnerId, deletedAt: null } });
  return serializePartner(partner, count);
}
