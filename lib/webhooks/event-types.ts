// The events an endpoint can subscribe to (issue 7). No server imports: the dashboard's forms read it too.
export const WEBHOOK_EVENT_TYPES = [
  "article.created",
  "article.updated",
  "article.published",
  "article.deleted",
  "category.created",
  "category.updated",
  "category.deleted",
  "approval.created",
  "approval.decided",
  "key.created",
  "key.rotated",
  "key.revealed",
  "key.deleted",
  "key.restored",
  "key.expiring",
  "partner.key_claimed",
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Sent only by "Send test event", to the one endpoint it was asked for; nobody subscribes to it. */
export const TEST_EVENT_TYPE = "webhook.test";
