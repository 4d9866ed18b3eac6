// Retires one live secret at once: the end of a rotation ("Retire" on the key page). The last live
// secret cannot be retired (delete the key instead). Audited, and enforced everywhere through the feed.
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/audit/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { ApiError } from "@/lib/http/problem";
import { getKeyOrThrow } from "@/lib/keys/get-key-or-throw";
import { invalidateKey } from "@/lib/changes/announce-changes";
import { recordChange } from "@/lib/changes/record-change";
import { lockKey } from "@/lib/keys/lock-key";
import { keyInclude, liveSecrets, serializeKey } from "@/lib/keys/serialize-key";

/** Retires one secret at once (the end of a rotation). The last live secret cannot be retired: delete the key. */
export async function retireSecret(organizationId: string, keyId: string, secretId: string, actor: Actor) {
  const updated = await db.$transaction(async (tx) => {
    await lockKey(tx, organizationId, keyId); // two retirements at once must not leave no live secret
    const key = await getKeyOrThrow(organizationId, keyId, tx);
    const live = liveSecrets(key.secrets);
    if (!live.some((s) => s.id === secretId)) throw new ApiError("not_found", `No live secret ${secretId} on this key.`);
    if (live.length < 2) throw new ApiError("conflict", "This is the key's only live secret; delete the key instead.");
    await tx.apiKeySecret.update({ where: { id: secretId }, data: { revokedAt: new Date() } });
    await recordAuditEvent(tx, { organizationId, actor, action: "key.secret_retired", targetType: "key", targetId: keyId, metadata: { secret_id: secretId } });
    await recordChange(tx, "key", keyId);
    return tx.apiKey.findUniqueOrThrow({ where: { id: keyId }, include: keyInclude });
  });
  invalidateKey(keyId);
  return serializeKey(updated);
}
