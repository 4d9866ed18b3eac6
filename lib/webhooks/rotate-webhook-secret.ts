import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/audit/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getWebhookOrThrow } from "@/lib/webhooks/get-webhook-or-throw";
import { newWebhookSecret, SECRET_OVERLAP_MS, sealWebhookSecret } from "@/lib/webhooks/secret";
import { serializeWebhook } from "@/lib/webhooks/serialize-webhook";

/**
 * A new signing secret; the current one keeps signing beside it for 24 hours (both signatures in
 * webhook-signature), so receivers can switch without losing a delivery. Returns the new secret, once.
 */
export async function rotateWebhookSecret(organizationId: string, id: string, actor: Actor, opts: { now?: Date } = {}) {
  const now = opts.now ?? new Date();
  const secret = newWebhookSecret();
  const updated = await db.$transaction(async (tx) => {
    const e = await getWebhookOrThrow(organizationId, id, tx);
    const previousExpiresAt = new Date(now.getTime() + SECRET_OVERLAP_MS);
    const after = await tx.webhookEndpoint.update({
      where: { id },
      data: { secretCiphertext: sealWebhookSecret(secret, id), previousSecretCiphertext: e.secretCiphertext, previousSecretExpiresAt: previousExpiresAt },
    });
    await recordAuditEvent(tx, {
      organizationId, actor, action: "webhook.secret_rotated", targetType: "webhook", targetId: id,
      metadata: { previous_secret_expires_at: previousExpiresAt.toISOString() },
    });
    return after;
  });
  return { webhook: serializeWebhook(updated, now), secret };
}
