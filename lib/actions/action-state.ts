// What every server action answers to useActionState: one shape, plus what an action adds (a secret
// shown once, the created object). Pure types: client components import them.
import type { SerializedKey } from "@/lib/keys/serialize-key";
import type { PartnerLevel } from "@/lib/partners/partner-levels";
import type { SerializedDelivery, SerializedWebhook } from "@/lib/webhooks/serialize-webhook";

/** Field errors by form field name; `form` holds errors that belong to no single field. */
export type FieldErrors = Partial<Record<string, string[]>>;

export type ActionState = { ok?: boolean; message?: string; errors?: FieldErrors };

/** Key creation: the key and its secret, shown once. */
export type CreateKeyState = ActionState & { key?: SerializedKey; secret?: string };
/** Reveal and rotate: a working secret, shown once. */
export type SecretState = ActionState & { secret?: string; keyName?: string };
/** "Test now": what GET /api/v1/me answered (or the action's own refusal). */
export type TestResult = { status: number; body: string } | { error: string };
export type TestAnswer = TestResult | ActionState;

/** A key a narrower partner level would narrow: what it holds now and what it would keep. */
export type NarrowedKey = { id: string; name: string; permissions: string[]; narrowed_to: string[] };

export type PartnerActionState = ActionState & {
  /** The claim email: "sent", or "failed" with the error, for the admin to retry. */
  mail?: { status: "sent" | "failed"; error: string | null; to: string; outbox?: boolean };
  partnerId?: string;
  keyId?: string;
  /** Change level: the keys to narrow, asked before anything changes. */
  confirmNarrow?: { level: PartnerLevel; keys: NarrowedKey[] };
};

/** Webhook creation and rotation: the signing secret, shown this once. */
export type WebhookSecretState = ActionState & { webhook?: SerializedWebhook; secret?: string };
/** "Send test event": the delivery's one attempt, shown beside the button. */
export type WebhookTestState = ActionState & { test?: { delivered: boolean; attempt: SerializedDelivery["attempt_log"][number] | null } };
