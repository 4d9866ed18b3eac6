// The server actions of app/**/actions.ts (and the session-only dashboard routes): who may call
// each, and arguments that reach its body. Read by the authorization matrix and the action fuzz.
import { systemActor } from "@/lib/audit/actor";
import { db } from "@/lib/db";
import { mintDeskToken } from "@/lib/desk-tokens/desk-tokens";
import { createPartner } from "@/lib/partners/create-partner";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { sendTestWebhook } from "@/lib/webhooks/send-test-webhook";
import { makeArticle, makeKey, rand } from "@/test/factories";

export type Targets = {
  orgId: string; key: string; secretId: string; deletedKey: string; partner: string; partnerKey: string; deletedPartner: string;
  webhook: string; delivery: string; approval: string; agentDeskToken: string; article: string; category: string;
};
export type Who = "admin" | "member" | "public";
/** who: the role check (requireAdmin / requireMembership) or none (token or credential based); names: the call names one of our objects. */
export type Row = { who: Who; names?: true; args: (t: Targets) => unknown[] };

export const form = (fields: Record<string, string | string[]>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) fd.append(k, x);
  return fd;
};
const withForm = (f: (t: Targets) => Record<string, string | string[]>) => (t: Targets) => [null, form(f(t))];

// ---------------------------------------------------------------------------------------------
// The table: "file#export".
// ---------------------------------------------------------------------------------------------
const API = "app/(dashboard)/settings/api";
export const ACTIONS: Record<string, Row> = {
  "app/(auth)/login/actions.ts#authenticate": { who: "public", args: withForm(() => ({ email: "nobody@example.com", password: "not-the-password" })) },
  "app/(dashboard)/actions.ts#switchOrganization": { who: "member", names: true, args: (t) => [t.orgId] },
  "app/(dashboard)/actions.ts#signOutAction": { who: "public", args: () => [] },
  "app/(dashboard)/approvals/actions.ts#decideApprovalAction": { who: "member", names: true, args: withForm((t) => ({ id: t.approval, status: "approved" })) },
  "app/(dashboard)/profile/actions.ts#mintDeskTokenAction": { who: "member", args: withForm(() => ({ name: "matrix", expires_in_hours: "1" })) },
  "app/(dashboard)/profile/actions.ts#revokeDeskTokenAction": { who: "member", names: true, args: (t) => [t.agentDeskToken] },

  [`${API}/actions.ts#createKeyAction`]: { who: "admin", args: withForm(() => ({ name: "matrix", access: "preset", preset: "read" })) },
  [`${API}/actions.ts#testKeyAction`]: { who: "admin", args: () => ["kd_not_a_key"] },
  [`${API}/actions.ts#updateKeyAction`]: { who: "admin", names: true, args: withForm((t) => ({ keyId: t.key, name: "renamed" })) },
  [`${API}/actions.ts#revealKeyAction`]: { who: "admin", names: true, args: withForm((t) => ({ keyId: t.key, password: "wrong-password-0123" })) },
  [`${API}/actions.ts#rotateKeyAction`]: { who: "admin", names: true, args: withForm((t) => ({ keyId: t.key, old_secret_expiry: "1h" })) },
  [`${API}/actions.ts#retireSecretAction`]: { who: "admin", names: true, args: withForm((t) => ({ keyId: t.key, secretId: t.secretId })) },
  [`${API}/actions.ts#deleteKeyAction`]: { who: "admin", names: true, args: withForm((t) => ({ keyId: t.key })) },
  [`${API}/actions.ts#restoreKeyAction`]: { who: "admin", names: true, args: withForm((t) => ({ keyId: t.deletedKey })) },
  [`${API}/actions.ts#setKeyPausedAction`]: { who: "admin", names: true, args: withForm((t) => ({ keyId: t.key, paused: "false" })) },

  [`${API}/partners/actions.ts#createPartnerAction`]: { who: "admin", args: withForm(() => ({ name: "P", email: `p-${rand()}@example.com`, level: "read" })) },
  [`${API}/partners/actions.ts#resendLinkAction`]: { who: "admin", names: true, args: withForm((t) => ({ partnerId: t.partner, keyId: t.partnerKey })) },
  [`${API}/partners/actions.ts#addPartnerKeyAction`]: { who: "admin", names: true, args: withForm((t) => ({ partnerId: t.partner })) },
  [`${API}/partners/actions.ts#updatePartnerDetailsAction`]: { who: "admin", names: true, args: withForm((t) => ({ partnerId: t.partner, name: "Renamed", email: `r-${rand()}@example.com` })) },
  [`${API}/partners/actions.ts#changeLevelAction`]: { who: "admin", names: true, args: withForm((t) => ({ partnerId: t.partner, level: "read_write" })) },
  [`${API}/partners/actions.ts#deletePartnerAction`]: { who: "admin", names: true, args: withForm((t) => ({ partnerId: t.partner })) },
  [`${API}/partners/actions.ts#restorePartnerAction`]: { who: "admin", names: true, args: withForm((t) => ({ partnerId: t.deletedPartner })) },

  [`${API}/settings/actions.ts#updateApiSettingsAction`]: { who: "admin", args: withForm(() => ({ defaultRateLimitPerHour: "1000", revealPolicy: "reveal" })) },
  [`${API}/settings/actions.ts#applyLifetimePolicyAction`]: { who: "admin", args: withForm(() => ({})) },

  [`${API}/webhooks/actions.ts#createWebhookAction`]: { who: "admin", args: withForm(() => ({ url: "https://hooks.example.com/a", events: ["article.published"] })) },
  [`${API}/webhooks/actions.ts#updateWebhookAction`]: { who: "admin", names: true, args: withForm((t) => ({ webhookId: t.webhook, url: "https://hooks.example.com/b", events: ["article.published"] })) },
  [`${API}/webhooks/actions.ts#setWebhookEnabledAction`]: { who: "admin", names: true, args: withForm((t) => ({ webhookId: t.webhook, enabled: "false" })) },
  [`${API}/webhooks/actions.ts#rotateWebhookSecretAction`]: { who: "admin", names: true, args: withForm((t) => ({ webhookId: t.webhook })) },
  [`${API}/webhooks/actions.ts#sendTestWebhookAction`]: { who: "admin", names: true, args: withForm((t) => ({ webhookId: t.webhook })) },
  [`${API}/webhooks/actions.ts#resendDeliveryAction`]: { who: "admin", names: true, args: withForm((t) => ({ webhookId: t.webhook, deliveryId: t.delivery })) },
  [`${API}/webhooks/actions.ts#deleteWebhookAction`]: { who: "admin", names: true, args: withForm((t) => ({ webhookId: t.webhook })) },

  "app/claim/[token]/actions.ts#claimKeyAction": { who: "public", args: withForm(() => ({ token: "not-a-claim-token-0123456789" })) },
  "app/invite/[token]/actions.ts#acceptInvitationAction": { who: "public", args: withForm(() => ({ token: "not-an-invitation-0123456789", name: "X", password: "a-long-password-123" })) },

  // a session-only route handler outside app/api: the same role check as the actions
  "app/(dashboard)/settings/api/history/export/route.ts#GET": { who: "admin", args: () => [new Request("http://localhost/settings/api/history/export")] },
};

/** Fresh objects of `orgId` for one row: what an earlier row did (a DELETE) cannot change its answers. */
/** Fresh objects of every kind in one organization (the route and action matrices both call it). */
export async function makeTargets(orgId: string, agentId: string): Promise<Targets> {
  const org = { id: orgId };
  const actor = systemActor("matrix");
  const category = await db.category.create({ data: { organizationId: org.id, name: `Cat ${rand()}` } });
  const article = await makeArticle(org.id, { categoryId: category.id });
  const key = await makeKey(org.id, { scopes: ["read"] });
  const secret = await db.apiKeySecret.findFirstOrThrow({ where: { keyId: key.key.id } });
  const deletedKey = await makeKey(org.id, { scopes: ["read"] });
  await db.apiKey.update({ where: { id: deletedKey.key.id }, data: { deletedAt: new Date() } });
  const partner = await createPartner(org.id, { name: "P", email: `p-${rand()}@example.com`, level: "read" }, actor);
  const deletedPartner = await createPartner(org.id, { name: "Q", email: `q-${rand()}@example.com`, level: "read" }, actor);
  await db.partner.update({ where: { id: deletedPartner.partner.id }, data: { deletedAt: new Date() } });
  const webhook = await createWebhook(org.id, { url: "https://hooks.example.com/in", events: ["article.published"] }, actor);
  const delivery = await sendTestWebhook(org.id, webhook.webhook.id, actor);
  const approval = await db.approval.create({ data: { organizationId: org.id, title: "A", createdByType: "system", createdByLabel: "matrix" } });
  const desk = await mintDeskToken(org.id, agentId, { expiresInHours: 1 }, actor);
  return {
    orgId: org.id, key: key.key.id, secretId: secret.id, deletedKey: deletedKey.key.id, partner: partner.partner.id, partnerKey: partner.key.id,
    deletedPartner: deletedPartner.partner.id, webhook: webhook.webhook.id, delivery: delivery.id, approval: approval.id, agentDeskToken: desk.deskToken.id,
    article: article.id, category: category.id,
  };
}
