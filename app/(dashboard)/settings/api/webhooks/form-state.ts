// What the webhook server actions answer to useActionState.
import type { SerializedWebhook } from "@/lib/webhooks/serialize-webhook";

export type WebhookField = "url" | "description" | "events" | "partner" | "form";
export type WebhookFieldErrors = Partial<Record<WebhookField, string[]>>;

export type WebhookActionState = { ok?: boolean; message?: string; errors?: WebhookFieldErrors };
/** Creation and rotation: the signing secret, shown this once. */
export type WebhookSecretState = WebhookActionState & { webhook?: SerializedWebhook; secret?: string };
