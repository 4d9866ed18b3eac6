// Signing secrets: `whsec_` + base64 of 24 random bytes (the Standard Webhooks format), sealed with
// lib/crypto/secret-box and bound to the endpoint's id. They must be usable to sign, so they are
// encrypted, not hashed; the clear text is shown once, at creation or rotation.
import "server-only";
import crypto from "node:crypto";
import { open, seal } from "@/lib/crypto/secret-box";

const PURPOSE = "webhook-secret";

/** How long the previous secret keeps signing after a rotation (receivers roll over meanwhile). */
export const SECRET_OVERLAP_MS = 24 * 3600 * 1000;

export function newWebhookSecret(): string {
  return `whsec_${crypto.randomBytes(24).toString("base64")}`;
}

export const sealWebhookSecret = (secret: string, endpointId: string) => seal(secret, `webhook:${endpointId}`, PURPOSE);
export const openWebhookSecret = (sealed: string, endpointId: string) => open(sealed, `webhook:${endpointId}`, PURPOSE);

type SecretColumns = { id: string; secretCiphertext: string; previousSecretCiphertext: string | null; previousSecretExpiresAt: Date | null };

/** The secrets that sign at `now`: the current one, and the previous one during its overlap. */
export function signingSecrets(e: SecretColumns, now: Date): string[] {
  const secrets = [openWebhookSecret(e.secretCiphertext, e.id)];
  if (e.previousSecretCiphertext && e.previousSecretExpiresAt && e.previousSecretExpiresAt > now) {
    secrets.push(openWebhookSecret(e.previousSecretCiphertext, e.id));
  }
  return secrets;
}
