// The key jobs that run on their own (every few minutes in each server process; safe with several, as
// each change is a conditional update and each mail is claimed by inserting a KeyNotice first):
//   - an old secret set to retire when idle is retired once it served nothing for its hours;
//   - under idle_key_days, keys unused that long are paused, their creators warned 7 days before;
//   - 14 days and 1 day before a key expires, its creator (and a partner's contact) is reminded.
import "server-only";
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { invalidateKey } from "@/lib/changes/announce-changes";
import { recordChange } from "@/lib/changes/record-change";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { escapeHtml, sendMail } from "@/lib/mail/send-mail";
import { keyAlertRecipients } from "@/lib/keys/alert-recipients";
import { repeat } from "@/lib/server/repeat";

const HOUR = 3600e3;
const DAY = 24 * HOUR;
export const IDLE_WARNING_DAYS = 7;
export const EXPIRY_REMINDER_DAYS = [14, 1] as const;

const system = (label: string) => ({ type: "system" as const, id: null, label });
const keyLink = (id: string) => new URL(`/settings/api/keys/${id}`, env.authUrl).toString();
const when = (d: Date | null) => (d ? d.toISOString().replace("T", " ").slice(0, 16) + " UTC" : "never");

/** Claims a notice: true for the one process that inserted it. */
async function claimNotice(keyId: string, kind: string, stamp: string): Promise<boolean> {
  try {
    await db.keyNotice.create({ data: { keyId, kind, stamp } });
    return true;
  } catch (e) {
    if ((e as { code?: string }).code === "P2002") return false;
    throw e;
  }
}

async function mailKeyPeople(keyId: string, subject: (org: string) => string, text: string) {
  const { organizationName, emails } = await keyAlertRecipients(keyId, { admins: false });
  for (const to of emails) {
    await sendMail({ to, subject: subject(organizationName), text, html: text.split("\n\n").map((p) => `<p>${escapeHtml(p)}</p>`).join(""), fromName: `${organizationName} via Keydesk` });
  }
  return emails.length;
}

/** Old secrets whose rotation said "retire when idle", quiet for their hours: retired, by the system. */
export async function retireIdleSecrets(now = new Date()): Promise<number> {
  const candidates = await db.apiKeySecret.findMany({
    where: { retireWhenIdleHours: { not: null }, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }], key: { deletedAt: null } },
    select: { id: true, keyId: true, lastUsedAt: true, retireWhenIdleHours: true, key: { select: { organizationId: true, secrets: { select: { createdAt: true }, orderBy: { createdAt: "desc" }, take: 1 } } } },
  });
  let retired = 0;
  for (const s of candidates) {
    const rotatedAt = s.key.secrets[0]?.createdAt ?? new Date(0);
    const quietSince = new Date(Math.max(rotatedAt.getTime(), s.lastUsedAt?.getTime() ?? 0));
    if (now.getTime() - quietSince.getTime() < s.retireWhenIdleHours! * HOUR) continue;
    const done = await db.$transaction(async (tx) => {
      const { count } = await tx.apiKeySecret.updateMany({ where: { id: s.id, revokedAt: null }, data: { revokedAt: now } });
      if (count === 0) return false;
      await recordAuditEvent(tx, {
        organizationId: s.key.organizationId, actor: system("rotation"), action: "key.secret_retired", targetType: "key", targetId: s.keyId,
        metadata: { secret_id: s.id, reason: `no request for ${s.retireWhenIdleHours} h`, last_used_at: s.lastUsedAt },
      });
      await recordChange(tx, "key", s.keyId);
      return true;
    });
    if (done) {
      invalidateKey(s.keyId);
      retired++;
    }
  }
  return retired;
}

/** Keys idle past their organization's idle_key_days: paused (audited); creators warned 7 days before. */
export async function pauseIdleKeys(now = new Date()): Promise<{ paused: number; warned: number }> {
  const orgs = await db.organization.findMany({ where: { idleKeyDays: { not: null } }, select: { id: true, idleKeyDays: true } });
  let paused = 0;
  let warned = 0;
  for (const org of orgs) {
    const days = org.idleKeyDays!;
    const warnBefore = new Date(now.getTime() - (days - IDLE_WARNING_DAYS) * DAY);
    const keys = await db.apiKey.findMany({
      where: { organizationId: org.id, deletedAt: null, disabled: false, canary: false, OR: [{ lastUsedAt: { lt: warnBefore } }, { lastUsedAt: null, createdAt: { lt: warnBefore } }] },
      select: { id: true, name: true, lastUsedAt: true, createdAt: true },
    });
    for (const k of keys) {
      const lastActivity = k.lastUsedAt ?? k.createdAt;
      const pauseAt = new Date(lastActivity.getTime() + days * DAY);
      if (pauseAt <= now) {
        const done = await db.$transaction(async (tx) => {
          const { count } = await tx.apiKey.updateMany({ where: { id: k.id, disabled: false, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: lastActivity } }] }, data: { disabled: true } });
          if (count === 0) return false;
          await recordAuditEvent(tx, { organizationId: org.id, actor: system("idle key policy"), action: "key.paused", targetType: "key", targetId: k.id, metadata: { name: k.name, reason: `unused for ${days} days`, last_used_at: k.lastUsedAt } });
          await recordChange(tx, "key", k.id);
          return true;
        });
        if (done) {
          invalidateKey(k.id);
          paused++;
        }
      } else if (await claimNotice(k.id, "idle_warning", String(lastActivity.getTime()))) {
        warned++;
        await mailKeyPeople(
          k.id,
          (o) => `[${o}] API key "${k.name}" will be paused on ${pauseAt.toISOString().slice(0, 10)}`,
          `The API key "${k.name}" has not been used since ${when(k.lastUsedAt)}. Your organization pauses keys unused for ${days} days, so it will be paused on ${when(pauseAt)}.\n\nIf it is still needed, use it or resume it later from the dashboard; if not, delete it.\n\n${keyLink(k.id)}`,
        ).catch((err) => log.error({ err, keyId: k.id }, "could not send an idle-key warning"));
      }
    }
  }
  return { paused, warned };
}

/** 14 days and 1 day before a key expires: one mail each to its creator and a partner's contact. */
export async function remindExpiringKeys(now = new Date()): Promise<number> {
  const keys = await db.apiKey.findMany({
    where: { deletedAt: null, canary: false, expiresAt: { gt: now, lte: new Date(now.getTime() + EXPIRY_REMINDER_DAYS[0] * DAY) } },
    select: { id: true, name: true, expiresAt: true, lastUsedAt: true },
  });
  let sent = 0;
  for (const k of keys) {
    const left = k.expiresAt!.getTime() - now.getTime();
    const threshold = left <= DAY ? 1 : 14;
    if (!(await claimNotice(k.id, `expiry_${threshold}d`, String(k.expiresAt!.getTime())))) continue;
    sent++;
    await mailKeyPeople(
      k.id,
      (o) => `[${o}] API key "${k.name}" expires ${threshold === 1 ? "tomorrow" : `in ${Math.ceil(left / DAY)} days`}`,
      `The API key "${k.name}" expires on ${when(k.expiresAt)}. It was last used ${k.lastUsedAt ? `on ${when(k.lastUsedAt)}` : "never"}.\n\nRotate it (or extend its expiry) before then, or whatever uses it will get 401 expired_api_key.\n\n${keyLink(k.id)}`,
    ).catch((err) => log.error({ err, keyId: k.id }, "could not send an expiry reminder"));
  }
  return sent;
}

export async function runKeyPolicies(now = new Date()) {
  const retired = await retireIdleSecrets(now);
  const idle = await pauseIdleKeys(now);
  const reminded = await remindExpiringKeys(now);
  return { retired, ...idle, reminded };
}

export function startKeyPolicies(intervalMs = 5 * 60_000) {
  return repeat("key policies", () => runKeyPolicies(), { firstMs: 20_000, everyMs: intervalMs });
}
