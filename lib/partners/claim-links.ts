// Delivering a partner's key: the email holds a one-time link (/claim/{token}), never the key.
// The token is random, stored as SHA-256, valid 72 hours, single use. The key's secret is made
// when the link is claimed, so no secret waits anywhere in a reversible form.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import type { Actor } from "@/lib/audit/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { randomToken, sha256 } from "@/lib/crypto/secret-box";
import { ApiError } from "@/lib/http/problem";
import { invalidateKey } from "@/lib/changes/announce-changes";
import { recordChange } from "@/lib/changes/record-change";
import { newSecret } from "@/lib/keys/new-secret";
import { keyInclude, liveSecrets, serializeKey } from "@/lib/keys/serialize-key";
import { recordWebhookEvent } from "@/lib/webhooks/events";
import { escapeHtml, sendMail } from "@/lib/mail/send-mail";
import { LEVEL_LABELS, partnerLevelOf } from "@/lib/partners/partner-levels";
import { permissionsInWords } from "@/lib/keys/permission-words";

export const CLAIM_TTL_MS = 72 * 3600 * 1000;

export function claimUrl(token: string) {
  return new URL(`/claim/${token}`, env.authUrl).toString();
}

/** A new link for the key; every earlier open link for it is void. Inside the caller's transaction. */
export async function issueClaimLink(tx: Tx, p: { organizationId: string; partnerId: string; keyId: string; sentBy: Actor }, now = new Date()) {
  await tx.claimToken.updateMany({ where: { keyId: p.keyId, usedAt: null, voidedAt: null }, data: { voidedAt: now } });
  const token = randomToken();
  const row = await tx.claimToken.create({
    data: { organizationId: p.organizationId, partnerId: p.partnerId, keyId: p.keyId, tokenHash: sha256(token), expiresAt: new Date(now.getTime() + CLAIM_TTL_MS), sentByLabel: p.sentBy.label.slice(0, 200) },
  });
  return { token, claimTokenId: row.id, expiresAt: row.expiresAt };
}

/** Sends the link; records the outcome on the link so a failed send shows in the dashboard and can be retried. */
export async function sendClaimEmail(claimTokenId: string, token: string): Promise<{ ok: boolean; error?: string; via?: string }> {
  const c = await db.claimToken.findUniqueOrThrow({ where: { id: claimTokenId }, include: { partner: true, organization: true, key: true } });
  const url = claimUrl(token);
  const level = LEVEL_LABELS[partnerLevelOf(c.partner.level)];
  try {
    const org = c.organization.name;
    const by = c.sentByLabel ? ` (sent by ${c.sentByLabel})` : "";
    const can = permissionsInWords(c.key.permissions as string[]);
    const r = await sendMail({
      to: c.partner.email,
      fromName: `${org} via Keydesk`,
      subject: `Your ${org} API key is ready`,
      text:
        `Hello ${c.partner.name},\n\n${org}${by} created an API key for you on Keydesk: "${c.key.name}", ${level} access. It lets you:\n${can.map((x) => `- ${x}`).join("\n")}\n\n` +
        `Open this link to see the key. It shows the key once, works a single time and expires on ${c.expiresAt.toUTCString()}:\n\n${url}\n\n` +
        `Store the key on your server, never in a browser or an app you ship. If the link does not work any more, ask ${org} for a new one.\n\n` +
        `Not expecting this? Do not open the link; nothing happens unless it is opened and the key is shown. Tell ${c.sentByLabel || org} it reached the wrong person.`,
      html:
        `<p>Hello ${escapeHtml(c.partner.name)},</p><p><strong>${escapeHtml(org)}</strong>${escapeHtml(by)} created an API key for you on Keydesk: “${escapeHtml(c.key.name)}”, ${level} access. It lets you:</p><ul>${can.map((x) => `<li>${escapeHtml(x)}</li>`).join("")}</ul>` +
        `<p><a href="${escapeHtml(url)}">Open your key</a>. The link shows the key once, works a single time and expires on ${escapeHtml(c.expiresAt.toUTCString())}.</p><p>Store the key on your server, never in a browser or an app you ship.</p>` +
        `<p style="color:#64748b">Not expecting this? Do not open the link; nothing happens unless it is opened and the key is shown. Tell ${escapeHtml(c.sentByLabel || org)} it reached the wrong person.</p>`,
    });
    await db.claimToken.update({ where: { id: claimTokenId }, data: { mailStatus: "sent", mailError: null } });
    return { ok: true, via: r.via };
  } catch (e) {
    const error = (e as Error).message.slice(0, 500);
    await db.claimToken.update({ where: { id: claimTokenId }, data: { mailStatus: "failed", mailError: error } });
    return { ok: false, error };
  }
}

/** The link a token names while it can still be claimed; null for unknown, used, voided or late alike. */
export async function findOpenClaim(token: string, now = new Date()) {
  if (!token || token.length > 200) return null;
  const c = await db.claimToken.findUnique({
    where: { tokenHash: sha256(token) },
    include: { key: true, partner: true, organization: { select: { name: true, defaultRateLimitPerHour: true } } },
  });
  if (!c || c.usedAt || c.voidedAt || c.expiresAt <= now || c.partner.deletedAt || c.key.deletedAt) return null;
  return c;
}

/**
 * Claims once: makes the key's secret (retiring any earlier one: a new link means the old key is
 * lost), marks the link used, records who claimed it from where. Returns the secret to show once.
 */
export async function claimKey(token: string, meta: { ip?: string | null; userAgent?: string | null }, now = new Date()) {
  const open = await findOpenClaim(token, now);
  if (!open) throw new ApiError("not_found", "This link does not work any more.");
  const result = await db.$transaction(async (tx) => {
    const { count } = await tx.claimToken.updateMany({
      where: { id: open.id, usedAt: null, voidedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now, claimIp: meta.ip ?? null, claimUserAgent: meta.userAgent?.slice(0, 512) ?? null },
    });
    if (count === 0) throw new ApiError("not_found", "This link does not work any more.");
    const key = await tx.apiKey.findUniqueOrThrow({ where: { id: open.keyId }, include: { secrets: true } });
    const org = await tx.organization.findUniqueOrThrow({ where: { id: open.organizationId } });
    for (const s of liveSecrets(key.secrets)) await tx.apiKeySecret.update({ where: { id: s.id }, data: { revokedAt: now } });
    const secret = newSecret(org.revealPolicy === "reveal");
    await tx.apiKeySecret.create({ data: { keyId: key.id, ...secret.data } });
    await tx.partner.update({ where: { id: open.partnerId }, data: { claimedAt: open.partner.claimedAt ?? now, lastActivityAt: now } });
    await recordAuditEvent(tx, {
      organizationId: open.organizationId,
      actor: { type: "system", id: open.partnerId, label: `partner ${open.partner.email}`, ip: meta.ip ?? null, userAgent: meta.userAgent ?? null },
      action: "partner.key_claimed", targetType: "key", targetId: key.id,
      metadata: { partner_id: open.partnerId, claim_token_id: open.id },
    });
    const claimed = await tx.apiKey.findUniqueOrThrow({ where: { id: key.id }, include: keyInclude });
    await recordWebhookEvent(tx, { organizationId: open.organizationId, type: "partner.key_claimed", partnerId: open.partnerId, data: serializeKey(claimed) });
    await recordChange(tx, "key", key.id);
    return { secret: secret.key, key, partner: open.partner, organizationName: open.organization.name, rateLimit: key.rateLimitPerHour ?? open.organization.defaultRateLimitPerHour };
  });
  invalidateKey(result.key.id);
  return result;
}

/** "Resend link": a new link for one of the partner's keys (default: the newest), the old one void. */
export async function resendClaimLink(organizationId: string, partnerId: string, keyId: string | undefined, actor: Actor) {
  const { token, claimTokenId, keyName, email } = await db.$transaction(async (tx) => {
    const partner = await tx.partner.findFirst({ where: { id: partnerId, organizationId } });
    if (!partner) throw new ApiError("not_found", `No partner with id ${partnerId}.`);
    if (partner.deletedAt) throw new ApiError("conflict", "This partner was deleted; restore it first.");
    const key = keyId
      ? await tx.apiKey.findFirst({ where: { id: keyId, partnerId, organizationId, deletedAt: null } })
      : await tx.apiKey.findFirst({ where: { partnerId, organizationId, deletedAt: null }, orderBy: { createdAt: "desc" } });
    if (!key) throw new ApiError("not_found", keyId ? `No key ${keyId} for this partner.` : "This partner has no key; add one.");
    const link = await issueClaimLink(tx, { organizationId, partnerId, keyId: key.id, sentBy: actor });
    await recordAuditEvent(tx, { organizationId, actor, action: "partner.link_resent", targetType: "partner", targetId: partnerId, metadata: { key_id: key.id } });
    return { ...link, keyName: key.name, email: partner.email };
  });
  const mail = await sendClaimEmail(claimTokenId, token);
  return { key_name: keyName, email, mail_status: mail.ok ? "sent" : "failed", mail_error: mail.error ?? null };
}
