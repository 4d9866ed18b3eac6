// The server actions of lib/actions/*-actions.ts (and the session-only dashboard routes): who may call
// each, and arguments that reach its body. Read by the authorization matrix and the action fuzz.
import { systemActor } from "@/lib/audit/actor";
import { db } from "@/lib/db";
import { mintDeskToken } from "@/lib/desk-tokens/mint-desk-token";
import { createPartner } from "@/lib/partners/create-partner";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { SYSTEM_GRANTER } from "@/lib/auth/grants";
import { inviteMember } from "@/lib/team/invite-member";
import { sendTestWebhook } from "@/lib/webhooks/send-test-webhook";
import { makeArticle, makeKey, rand } from "@/test/factories";

export type Targets = {
  orgId: string; key: string; secretId: string; deletedKey: string; partner: string; partnerKey: string; deletedPartner: string;
  webhook: string; delivery: string; approval: string; agentDeskToken: string; article: string; category: string;
  invitation: string; member: string;
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
export const ACTIONS: Record<string, Row> = {
  "lib/actions/sign-in-actions.ts#authenticate": { who: "public", args: withForm(() => ({ email: "nobody@example.com", password: "not-the-password" })) },
  "lib/actions/sign-in-actions.ts#ssoSignInAction": { who: "public", args: withForm(() => ({ callbackUrl: "/settings/api" })) },
  "lib/actions/sign-in-actions.ts#requestPasswordResetAction": { who: "public", args: withForm(() => ({ email: `nobody-${rand()}@example.com` })) },
  "lib/actions/sign-in-actions.ts#resetPasswordAction": { who: "public", args: withForm(() => ({ token: "not-a-reset-token-0123456789", password: "a-long-password-123", confirm: "a-long-password-123" })) },
  "lib/actions/session-actions.ts#switchOrganization": { who: "member", names: true, args: (t) => [t.orgId] },
  "lib/actions/session-actions.ts#signOutAction": { who: "public", args: () => [] },
  "lib/actions/approval-actions.ts#decideApprovalAction": { who: "member", names: true, args: withForm((t) => ({ id: t.approval, status: "approved" })) },
  "lib/actions/profile-actions.ts#mintDeskTokenAction": { who: "member", args: withForm(() => ({ name: "matrix", expires_in_hours: "1" })) },
  "lib/actions/profile-actions.ts#changePasswordAction": { who: "member", args: withForm(() => ({ current: "not-the-password-1", password: "a-long-password-123", confirm: "a-long-password-123" })) },
  "lib/actions/profile-actions.ts#signOutOtherSessionsAction": { who: "member", args: withForm(() => ({})) },
  "lib/actions/profile-actions.ts#revokeDeskTokenAction": { who: "member", names: true, args: (t) => [t.agentDeskToken] },

  ["lib/actions/key-actions.ts#createKeyAction"]: { who: "admin", args: withForm(() => ({ name: "matrix", access: "preset", preset: "read" })) },
  ["lib/actions/key-actions.ts#testKeyAction"]: { who: "admin", args: () => ["kd_not_a_key"] },
  ["lib/actions/key-actions.ts#updateKeyAction"]: { who: "admin", names: true, args: withForm((t) => ({ keyId: t.key, name: "renamed" })) },
  ["lib/actions/key-actions.ts#revealKeyAction"]: { who: "admin", names: true, args: withForm((t) => ({ keyId: t.key, password: "wrong-password-0123" })) },
  ["lib/actions/key-actions.ts#rotateKeyAction"]: { who: "admin", names: true, args: withForm((t) => ({ keyId: t.key, old_secret_expiry: "1h" })) },
  ["lib/actions/key-actions.ts#retireSecretAction"]: { who: "admin", names: true, args: withForm((t) => ({ keyId: t.key, secretId: t.secretId })) },
  ["lib/actions/key-actions.ts#deleteKeyAction"]: { who: "admin", names: true, args: withForm((t) => ({ keyId: t.key })) },
  ["lib/actions/key-actions.ts#restoreKeyAction"]: { who: "admin", names: true, args: withForm((t) => ({ keyId: t.deletedKey })) },
  ["lib/actions/key-actions.ts#setKeyPausedAction"]: { who: "admin", names: true, args: withForm((t) => ({ keyId: t.key, paused: "false" })) },

  ["lib/actions/partner-actions.ts#createPartnerAction"]: { who: "admin", args: withForm(() => ({ name: "P", email: `p-${rand()}@example.com`, level: "read" })) },
  ["lib/actions/partner-actions.ts#resendLinkAction"]: { who: "admin", names: true, args: withForm((t) => ({ partnerId: t.partner, keyId: t.partnerKey })) },
  ["lib/actions/partner-actions.ts#addPartnerKeyAction"]: { who: "admin", names: true, args: withForm((t) => ({ partnerId: t.partner })) },
  ["lib/actions/partner-actions.ts#updatePartnerDetailsAction"]: { who: "admin", names: true, args: withForm((t) => ({ partnerId: t.partner, name: "Renamed", email: `r-${rand()}@example.com` })) },
  ["lib/actions/partner-actions.ts#changeLevelAction"]: { who: "admin", names: true, args: withForm((t) => ({ partnerId: t.partner, level: "read_write" })) },
  ["lib/actions/partner-actions.ts#deletePartnerAction"]: { who: "admin", names: true, args: withForm((t) => ({ partnerId: t.partner })) },
  ["lib/actions/partner-actions.ts#restorePartnerAction"]: { who: "admin", names: true, args: withForm((t) => ({ partnerId: t.deletedPartner })) },

  ["lib/actions/settings-actions.ts#updateApiSettingsAction"]: { who: "admin", args: withForm(() => ({ defaultRateLimitPerHour: "1000", revealPolicy: "reveal" })) },
  ["lib/actions/settings-actions.ts#applyLifetimePolicyAction"]: { who: "admin", args: withForm(() => ({})) },

  ["lib/actions/webhook-actions.ts#createWebhookAction"]: { who: "admin", args: withForm(() => ({ url: "https://hooks.example.com/a", events: ["article.published"] })) },
  ["lib/actions/webhook-actions.ts#updateWebhookAction"]: { who: "admin", names: true, args: withForm((t) => ({ webhookId: t.webhook, url: "https://hooks.example.com/b", events: ["article.published"] })) },
  ["lib/actions/webhook-actions.ts#setWebhookEnabledAction"]: { who: "admin", names: true, args: withForm((t) => ({ webhookId: t.webhook, enabled: "false" })) },
  ["lib/actions/webhook-actions.ts#rotateWebhookSecretAction"]: { who: "admin", names: true, args: withForm((t) => ({ webhookId: t.webhook })) },
  ["lib/actions/webhook-actions.ts#sendTestWebhookAction"]: { who: "admin", names: true, args: withForm((t) => ({ webhookId: t.webhook })) },
  ["lib/actions/webhook-actions.ts#resendDeliveryAction"]: { who: "admin", names: true, args: withForm((t) => ({ webhookId: t.webhook, deliveryId: t.delivery })) },
  ["lib/actions/webhook-actions.ts#deleteWebhookAction"]: { who: "admin", names: true, args: withForm((t) => ({ webhookId: t.webhook })) },

  "lib/actions/claim-actions.ts#claimKeyAction": { who: "public", args: withForm(() => ({ token: "not-a-claim-token-0123456789" })) },
  "lib/actions/team-actions.ts#inviteMemberAction": { who: "admin", args: withForm(() => ({ email: `new-${rand()}@example.com`, role: "agent" })) },
  "lib/actions/team-actions.ts#resendInvitationAction": { who: "admin", names: true, args: withForm((t) => ({ invitationId: t.invitation })) },
  "lib/actions/team-actions.ts#revokeInvitationAction": { who: "admin", names: true, args: withForm((t) => ({ invitationId: t.invitation })) },
  "lib/actions/team-actions.ts#changeMemberRoleAction": { who: "admin", names: true, args: withForm((t) => ({ userId: t.member, role: "admin" })) },
  "lib/actions/team-actions.ts#removeMemberAction": { who: "admin", names: true, args: withForm((t) => ({ userId: t.member })) },
  "lib/actions/invite-actions.ts#acceptInvitationAction": { who: "public", args: withForm(() => ({ token: "not-an-invitation-0123456789", name: "X", password: "a-long-password-123" })) },

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
  const invitation = await inviteMember(org.id, { email: `inv-${rand()}@example.com`, role: "agent" }, actor, SYSTEM_GRANTER);
  const member = await db.user.create({ data: { email: `member-${rand()}@example.com`, name: "Member" } });
  await db.membership.create({ data: { userId: member.id, organizationId: org.id, role: "agent" } });
  return {
    orgId: org.id, key: key.key.id, secretId: secret.id, deletedKey: deletedKey.key.id, partner: partner.partner.id, partnerKey: partner.key.id,
    deletedPartner: deletedPartner.partner.id, webhook: webhook.webhook.id, delivery: delivery.id, approval: approval.id, agentDeskToken: desk.deskToken.id,
    article: article.id, category: category.id, invitation: invitation.id, member: member.id,
  };
}
