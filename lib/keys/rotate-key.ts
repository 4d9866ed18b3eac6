import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/audit/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { recordWebhookEvent } from "@/lib/webhooks/events";
import { ApiError } from "@/lib/http/problem";
import { getKeyOrThrow, type KeyGuard } from "@/lib/keys/get-key-or-throw";
import { invalidateKey } from "@/lib/changes/announce-changes";
import { recordChange } from "@/lib/changes/record-change";
import { lockKey, orgForKeyWrite } from "@/lib/keys/lock-key";
import { newSecret } from "@/lib/keys/new-secret";
import { latestAllowedExpiry } from "@/lib/keys/key-policy";
import { keyInclude, liveSecrets, serializeKey } from "@/lib/keys/serialize-key";

/** When the old secret stops working if the caller does not say: a day, time to roll out the new one. */
export const DEFAULT_ROTATION_GRACE_MS = 24 * 3600 * 1000;
/** An old secret set to retire when it goes quiet still stops at this cap, traffic or not. */
export const RETIRE_WHEN_IDLE_CAP_MS = 30 * 24 * 3600 * 1000;

export type RotateOptions = {
  /** Retire the old secret once it served no request for this many hours (1–168), or at the 30-day cap. */
  retireWhenIdleHours?: number;
};

/**
 * Adds a second live secret. `oldSecretExpiresAt`: a time (now = retire at once), null = until it is
 * retired by hand, undefined = the default grace. A third live secret is refused.
 */
export async function rotateKey(organizationId: string, id: string, oldSecretExpiresAt: Date | null | undefined, actor: Actor, guard?: KeyGuard, opts: RotateOptions = {}) {
  const result = await db.$transaction(async (tx) => {
    // a concurrent rotation waits here and then counts the secrets this one added
    await lockKey(tx, organizationId, id);
    const key = await getKeyOrThrow(organizationId, id, tx);
    guard?.(key);
    if (key.deletedAt) throw new ApiError("conflict", "A deleted key cannot be rotated; restore it first.");
    const live = liveSecrets(key.secrets);
    if (live.length >= 2) {
      throw new ApiError("conflict", "This key already has two live secrets. Retire the old secret before rotating again.", {
        secrets: live.map((s) => s.id),
      });
    }
    const org = await orgForKeyWrite(tx, organizationId);
    const idle = opts.retireWhenIdleHours;
    const expiry = idle ? new Date(Date.now() + RETIRE_WHEN_IDLE_CAP_MS) : oldSecretExpiresAt === undefined ? new Date(Date.now() + DEFAULT_ROTATION_GRACE_MS) : oldSecretExpiresAt;
    for (const s of live) await tx.apiKeySecret.update({ where: { id: s.id }, data: { expiresAt: expiry, retireWhenIdleHours: idle ?? null } });
    // under a lifetime policy the new secret carries an expiry within it
    const secret = newSecret(org.revealPolicy === "reveal", latestAllowedExpiry(org.maxKeyLifetimeDays));
    await tx.apiKeySecret.create({ data: { keyId: id, ...secret.data } });
    const after = await tx.apiKey.findUniqueOrThrow({ where: { id }, include: keyInclude });
    await recordAuditEvent(tx, {
      organizationId, actor, action: "key.rotated", targetType: "key", targetId: id,
      metadata: { old_secret_ids: live.map((s) => s.id), old_secret_expires_at: expiry, ...(idle ? { old_secret_retire: "when_idle", idle_hours: idle } : {}) },
    });
    await recordWebhookEvent(tx, { organizationId, type: "key.rotated", data: serializeKey(after) });
    await recordChange(tx, "key", id);
    return { key: after, secret: secret.key };
  });
  invalidateKey(id);
  return { key: serializeKey(result.key), secret: result.secret };
}
