// Standard Webhooks signatures (https://www.standardwebhooks.com) through the reference library:
// one `v1,<base64 HMAC-SHA256>` per live secret, space-separated, so a receiver holding either the
// old or the new secret verifies during a rotation.
import { Webhook } from "standardwebhooks";

export function signatureHeaders(msgId: string, at: Date, body: string, secrets: string[]): Record<string, string> {
  return {
    "webhook-id": msgId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": secrets.map((s) => new Webhook(s).sign(msgId, at, body)).join(" "),
  };
}
