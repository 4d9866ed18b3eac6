// The bulk fix for keys made before a lifetime policy (or under a longer one): each key expiring later
// than a key made now could, or never, gets the latest expiry the policy allows, audited per key.
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/audit/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { invalidateKey } from "@/lib/changes/announce-changes";
import { recordChanges } from "@/lib/changes/record-change";
import { ApiError } from "@/lib/http/problem";
import { latestAllowedExpiry } from "@/lib/keys/key-policy";

/** Keys (not deleted, not decoys) beyond the policy; [] when the organization has none. */
export async function keysExceedingPolicy(organizationId: string, now = new Date()) {
  const org = await db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { maxKeyLifetimeDays: true } });
  const latest = latestAllowedExpiry(org.maxKeyLifetimeDays, now.getTime());
  if (!latest) return [];
  return db.apiKey.findMany({
    where: { organizationId, deletedAt: null, canary: false, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date(latest.getTime() + 60_000) } }] },
    select: { id: true, name: true, expiresAt: true },
    orderBy: { createdAt: "asc" },
  });
}

export async function applyLifetimePolicy(organizationId: string, actor: Actor, now = new Date()) {
  const ids = await db.$transaction(async (tx) => {
    const org = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { maxKeyLifetimeDays: true } });
    const latest = latestAllowedExpiry(org.maxKeyLifetimeDays, now.getTime());
    if (!latest) throw new ApiError("conflict", "This organization has no key lifetime policy: set max_key_lifetime_days first.");
    const keys = await tx.apiKey.findMany({
      where: { organizationId, deletedAt: null, canary: false, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date(latest.getTime() + 60_000) } }] },
      select: { id: true, name: true, expiresAt: true },
    });
    for (const k of keys) {
      await tx.apiKey.update({ where: { id: k.id }, data: { expiresAt: latest } });
      await recordAuditEvent(tx, {
        organizationId, actor, action: "key.updated", targetType: "key", targetId: k.id,
        metadata: { before: { expires_at: k.expiresAt }, after: { expires_at: latest }, reason: `key lifetime policy (${org.maxKeyLifetimeDays} days)` },
      });
    }
    await recordChanges(tx, keys.map((k) => ({ kind: "key" as const, ref: k.id })));
    return keys.map((k) => k.id);
  });
  ids.forEach(invalidateKey);
  return { updated: ids.length };
}
