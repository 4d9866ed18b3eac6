import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/audit/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { recordWebhookEvent } from "@/lib/webhooks/events";
import { open } from "@/lib/crypto/secret-box";
import { ApiError } from "@/lib/http/problem";
import { getKeyOrThrow } from "@/lib/keys/get-key-or-throw";
import { liveSecrets, serializeKey } from "@/lib/keys/serialize-key";

/**
 * Decrypts a live secret of the key (the newest, or `secretId`) and writes the audit event (who,
 * when, IP, user agent, reason) in the same transaction: no reveal without its record.
 */
export async function revealKey(organizationId: string, keyId: string, actor: Actor, opts: { secretId?: string; reason?: string } = {}) {
  return db.$transaction(async (tx) => {
    const key = await getKeyOrThrow(organizationId, keyId, tx);
    if (key.deletedAt) throw new ApiError("conflict", "A deleted key cannot be revealed.");
    const org = await tx.organization.findUniqueOrThrow({ where: { id: organizationId } });
    if (org.revealPolicy === "show_once") throw new ApiError("conflict", "This organization shows secrets only once, at creation.");
    const live = liveSecrets(key.secrets);
    const target = opts.secretId ? live.find((s) => s.id === opts.secretId) : live[live.length - 1];
    if (!target) throw new ApiError("not_found", "The key has no live secret to reveal.");
    const row = await tx.apiKeySecret.findUniqueOrThrow({ where: { id: target.id }, omit: { hash: false, ciphertext: false } });
    if (!row.ciphertext) throw new ApiError("conflict", "This secret was created to be shown once and cannot be revealed.");
    const secret = open(row.ciphertext, row.hash);
    await recordAuditEvent(tx, {
      organizationId, actor, action: "key.revealed", targetType: "key", targetId: keyId,
      metadata: { secret_id: row.id, reason: opts.reason?.slice(0, 500) || null, key_name: key.name },
    });
    await recordWebhookEvent(tx, { organizationId, type: "key.revealed", data: serializeKey(key) });
    return { secret, secretId: row.id, key };
  });
}
