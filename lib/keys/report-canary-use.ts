// A decoy key was used: someone has it who should not. Every use is an audit event and a webhook
// event; the owners and admins are emailed at most once a minute per key, with the uses since the
// last mail counted in. The one-a-minute claim is a conditional update, so several instances send one
// mail between them. Runs off the request's path: the answer is the same, and as fast, as for an
// unknown key.
import "server-only";
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { log } from "@/lib/log";
import { escapeHtml, sendMail } from "@/lib/mail/send-mail";
import { env } from "@/lib/env";
import type { CachedKey } from "@/lib/keys/key-cache";
import { keyAlertRecipients } from "@/lib/keys/alert-recipients";
import { keyInclude, serializeKey } from "@/lib/keys/serialize-key";
import { recordWebhookEvent } from "@/lib/webhooks/events";

export const CANARY_MAIL_EVERY_MS = 60_000;

export type CanaryUse = { ip: string | null; userAgent: string | null; method: string; path: string; at?: Date };

export function reportCanaryUse(key: CachedKey, use: CanaryUse) {
  void recordCanaryUse(key.keyId, key.organizationId, use).catch((err) => log.error({ err, keyId: key.keyId }, "could not record a decoy key's use"));
}

/** Records one use; resolves with whether this use sent the alert mail (else it is counted into the next). */
export async function recordCanaryUse(keyId: string, organizationId: string, use: CanaryUse): Promise<{ mailed: boolean; uses: number }> {
  const at = use.at ?? new Date();
  const details = { ip: use.ip, user_agent: use.userAgent?.slice(0, 512) ?? null, method: use.method, path: use.path.slice(0, 512), at: at.toISOString() };
  const claim = await db.$transaction(async (tx) => {
    await recordAuditEvent(tx, {
      organizationId,
      actor: { type: "system", id: null, label: "decoy key alarm", ip: use.ip, userAgent: use.userAgent },
      action: "key.canary_used", targetType: "key", targetId: keyId, metadata: details,
    });
    const key = await tx.apiKey.findUniqueOrThrow({ where: { id: keyId }, include: keyInclude });
    await recordWebhookEvent(tx, { organizationId, type: "key.canary_used", data: { ...serializeKey(key), use: details } });
    const due = new Date(at.getTime() - CANARY_MAIL_EVERY_MS);
    const { count } = await tx.apiKey.updateMany({
      where: { id: keyId, OR: [{ canaryMailedAt: null }, { canaryMailedAt: { lte: due } }] },
      data: { canaryMailedAt: at, canaryUnmailed: 0 },
    });
    if (count === 0) {
      await tx.apiKey.update({ where: { id: keyId }, data: { canaryUnmailed: { increment: 1 } } });
      return null;
    }
    return { name: key.name, uses: key.canaryUnmailed + 1 };
  });
  if (!claim) return { mailed: false, uses: 0 };
  const { organizationName, emails } = await keyAlertRecipients(keyId);
  const link = new URL(`/settings/api/keys/${keyId}`, env.authUrl).toString();
  const uses = claim.uses === 1 ? "was used" : `was used ${claim.uses} times since the last alert`;
  const from = `${use.ip ?? "an unknown address"} (${use.userAgent ?? "no user agent"}) calling ${use.method} ${use.path}`;
  for (const to of emails) {
    await sendMail({
      to,
      subject: `[${organizationName}] Decoy key "${claim.name}" was used`,
      text: `The decoy API key "${claim.name}" ${uses}. The latest use: ${from} at ${details.at}.\n\nA decoy key is never given to anyone: whoever used it found it where you planted it. Every use was refused as an unknown key. Investigate where this copy could have been read.\n\n${link}`,
      html: `<p>The decoy API key <strong>${escapeHtml(claim.name)}</strong> ${escapeHtml(uses)}. The latest use: ${escapeHtml(from)} at ${escapeHtml(details.at)}.</p><p>A decoy key is never given to anyone: whoever used it found it where you planted it. Every use was refused as an unknown key. Investigate where this copy could have been read.</p><p><a href="${escapeHtml(link)}">Open the key</a></p>`,
      fromName: `${organizationName} via Keydesk`,
    }).catch((err) => log.error({ err, keyId }, "could not send a decoy key alert"));
  }
  return { mailed: true, uses: claim.uses };
}
