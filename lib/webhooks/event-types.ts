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
  "key.leaked",
  "key.canary_used",
  "partner.key_claimed",
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Sent only by "Send test event", to the one endpoint it was asked for; nobody subscribes to it. */
export const TEST_EVENT_TYPE = "webhook.test";

/** One line per event for the endpoint form and the docs. */
export const WEBHOOK_EVENT_DESCRIPTIONS: Record<WebhookEventType, string> = {
  "article.created": "An article was created",
  "article.updated": "An article was changed",
  "article.published": "An article was published (created published, or its published flag turned on)",
  "article.deleted": "An article was deleted",
  "category.created": "A category was created",
  "category.updated": "A category was changed",
  "category.deleted": "A category was deleted",
  "approval.created": "Someone asked for an approval",
  "approval.decided": "An approval was approved or rejected",
  "key.created": "An API key was created",
  "key.rotated": "An API key got a new secret",
  "key.revealed": "An API key's secret was revealed in the dashboard",
  "key.deleted": "An API key was deleted",
  "key.leaked": "An API key's secret was found in public (GitHub secret scanning or a report); `data.secret` says where and whether it was revoked",
  "key.canary_used": "Someone used a decoy key: `data.use` has the address, user agent, method and path",
  "key.restored": "A deleted API key was restored",
  "key.expiring": "An API key expires in 14 days, or in 1 day",
  "partner.key_claimed": "A partner claimed its key through the one-time link",
};
