// A key found in public, by GitHub's secret scanning or reported by anyone. A live secret is marked
// leaked; by the organization's leaked_key_action it is also stopped at once (revoke, the default) or
// left working (notify). Only that secret: the key's other secrets keep working, so a rotation in
// progress survives. Audited, announced as key.leaked, and mailed to the key's people. A secret
// already reported changes nothing more.
import "server-only";
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { invalidateKey } from "@/lib/changes/announce-changes";
import { recordChange } from "@/lib/changes/record-change";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { escapeHtml, sendMail } from "@/lib/mail/send-mail";
import { keyAlertRecipients } from "@/lib/keys/alert-recipients";
import { hashKey, isWellFormedKey } from "@/lib/keys/key-format";
import { keyInclude, serializeKey } from "@/lib/keys/serialize-key";
import { recordWebhookEvent } from "@/lib/webhooks/events";

export type LeakReport = { url?: string | null; source?: string | null; reporter: "github" | "report" };
/** GitHub's feedback labels: whether the token was a live credential of ours. */
export type LeakLabel = "true_positive" | "false_positive";

export async function reportLeakedKey(raw: string, report: LeakReport, now = new Date()): Promise<LeakLabel> {
  if (!isWellFormedKey(raw)) return "false_positive";
  const hash = hashKey(raw);
  const found = await db.apiKeySecret.findUnique({ where: { hash }, select: { id: true, keyId: true, revokedAt: true, expiresAt: true, leakedAt: true, key: { select: { deletedAt: true, canary: true } } } });
  if (!found || found.key.deletedAt) return "false_positive";
  if (found.leakedAt) return "true_positive"; // reported before: nothing more
  const live = !found.revokedAt && (!found.expiresAt || found.expiresAt > now);
  if (!live) return "false_positive";
  const url = report.url?.slice(0, 2000) ?? null;
  const source = report.source?.slice(0, 200) ?? (report.reporter === "github" ? "github" : null);
  const result = await db.$transaction(async (tx) => {
    const key = await tx.apiKey.findUniqueOrThrow({ where: { id: found.keyId }, include: { organization: { select: { leakedKeyAction: true } } } });
    // a decoy is already refused to everyone: its leak is recorded, there is nothing to stop
    const revoke = key.organization.leakedKeyAction === "revoke" && !key.canary;
    // conditional: of two reports racing, one marks the secret and records the rest
    const { count } = await tx.apiKeySecret.updateMany({
      where: { id: found.id, leakedAt: null },
      data: { leakedAt: now, leakedUrl: url, leakedSource: source, ...(revoke ? { revokedAt: now } : {}) },
    });
    if (count === 0) return null;
    const secret = { id: found.id, url, source, revoked: revoke, leaked_at: now.toISOString() };
    await recordAuditEvent(tx, {
      organizationId: key.organizationId,
      actor: { type: "system", id: null, label: report.reporter === "github" ? "GitHub secret scanning" : "leak report" },
      action: "key.leaked", targetType: "key", targetId: key.id,
      metadata: { name: key.name, secret_id: found.id, url, source, action: revoke ? "revoked" : "notified" },
    });
    const after = await tx.apiKey.findUniqueOrThrow({ where: { id: key.id }, include: keyInclude });
    await recordWebhookEvent(tx, { organizationId: key.organizationId, type: "key.leaked", partnerId: key.partnerId, data: { ...serializeKey(after), secret } });
    await recordChange(tx, "key", key.id);
    return { keyId: key.id, name: key.name, revoke };
  });
  if (!result) return "true_positive";
  invalidateKey(result.keyId);
  void mailLeak(result.keyId, result.name, result.revoke, url).catch((err) => log.error({ err, keyId: result.keyId }, "could not mail about a leaked key"));
  return "true_positive";
}

async function mailLeak(keyId: string, name: string, revoked: boolean, url: string | null) {
  const { organizationName, emails } = await keyAlertRecipients(keyId);
  const link = new URL(`/settings/api/keys/${keyId}`, env.authUrl).toString();
  const where = url ? `It was found at ${url}.` : "It was reported to Keydesk.";
  const what = revoked
    ? "That secret was revoked at once: requests with it now fail with leaked_api_key. Rotate the key (or create a new one), update what uses it, and remove the secret from where it was published."
    : "Your organization's setting is to notify only, so the secret still works. Rotate the key now and remove the secret from where it was published.";
  for (const to of emails) {
    await sendMail({
      to,
      subject: `[${organizationName}] API key "${name}" was found in public`,
      text: `A secret of the API key "${name}" was found in public. ${where}\n\n${what}\n\n${link}`,
      html: `<p>A secret of the API key <strong>${escapeHtml(name)}</strong> was found in public. ${escapeHtml(where)}</p><p>${escapeHtml(what)}</p><p><a href="${escapeHtml(link)}">Open the key and rotate it</a></p>`,
      fromName: `${organizationName} via Keydesk`,
    });
  }
}
