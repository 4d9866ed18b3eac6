// "Forgot password": a one-time link by email, valid one hour, stored hashed. Asking never tells
// whether the address has an account (the same answer, and the mail is sent after the answer);
// asking is limited per address and per email. Using the link sets the new password and ends
// every session of the account.
import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { recordInUsersOrganizations } from "@/lib/users/change-password";
import { revokeSignInSessions } from "@/lib/auth/sign-in-sessions";
import { randomToken, sha256 } from "@/lib/crypto/secret-box";
import { ApiError } from "@/lib/http/problem";
import { log } from "@/lib/log";
import { escapeHtml, sendMail } from "@/lib/mail/send-mail";
import { attemptLimiter } from "@/lib/ratelimit/attempt-limiter";
import { hashPassword, normalizeEmail } from "@/lib/users/password";

export const PASSWORD_RESET_TTL_MS = 3600_000;
const perAddress = attemptLimiter("password-reset-ip", 20);
const perEmail = attemptLimiter("password-reset-email", 5);

const INVALID = "This password reset link is not valid any more: it was used, replaced by a newer one, or it expired. Ask for a new one.";

/**
 * Sends the reset mail when the address has an account and the limits allow; otherwise nothing.
 * Never throws for an unknown address and returns nothing a caller could show.
 */
export async function requestPasswordReset(rawEmail: string, meta: { ip: string | null }): Promise<void> {
  const email = normalizeEmail(rawEmail);
  if ((await perAddress.take(meta.ip ?? "unknown")) !== null || (await perEmail.take(email)) !== null) {
    log.warn({ ip: meta.ip }, "password reset requests over the limit: ignored");
    return;
  }
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true } });
  if (!user) return;
  const token = randomToken();
  const expiresAt = new Date(Date.now() + PASSWORD_RESET_TTL_MS);
  await db.$transaction(async (tx) => {
    // a new link voids the older ones
    await tx.passwordReset.updateMany({ where: { userId: user.id, usedAt: null, expiresAt: { gt: new Date() } }, data: { expiresAt: new Date() } });
    await tx.passwordReset.create({ data: { userId: user.id, tokenHash: sha256(token), expiresAt } });
  });
  const url = new URL(`/reset-password/${token}`, env.authUrl).toString();
  const from = meta.ip ? ` from the address ${meta.ip}` : "";
  await sendMail({
    to: user.email,
    subject: "Reset your Keydesk password",
    text: `Someone (we hope you) asked to reset the password of your Keydesk account ${user.email}${from}.\n\nChoose a new password: ${url}\n\nThe link works once and expires in one hour. If you did not ask, ignore this mail: your password stays as it is.`,
    html: `<p>Someone (we hope you) asked to reset the password of your Keydesk account <strong>${escapeHtml(user.email)}</strong>${escapeHtml(from)}.</p><p><a href="${escapeHtml(url)}">Choose a new password</a></p><p>The link works once and expires in one hour. If you did not ask, ignore this mail: your password stays as it is.</p>`,
  });
}

/** The account a reset token is for, or null when unknown, used, replaced or expired. */
export async function findPasswordReset(token: string) {
  const r = await db.passwordReset.findUnique({ where: { tokenHash: sha256(token) }, include: { user: { select: { email: true } } } });
  if (!r || r.usedAt || r.expiresAt.getTime() <= Date.now()) return null;
  return { email: r.user.email, expiresAt: r.expiresAt };
}

/** Sets the new password once; every session of the account ends. */
export async function resetPassword(token: string, password: string, meta: { ip: string | null; userAgent: string | null }) {
  const open = await db.passwordReset.findUnique({ where: { tokenHash: sha256(token) }, include: { user: { select: { id: true, email: true } } } });
  if (!open || open.usedAt || open.expiresAt.getTime() <= Date.now()) throw new ApiError("not_found", INVALID);
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const { count } = await tx.passwordReset.updateMany({ where: { id: open.id, usedAt: null, expiresAt: { gt: new Date() } }, data: { usedAt: new Date() } });
    if (count === 0) throw new ApiError("not_found", INVALID);
    await tx.user.update({ where: { id: open.user.id }, data: { passwordHash } });
    const ended = await revokeSignInSessions(tx, open.user.id, null);
    const actor = { type: "user" as const, id: open.user.id, label: open.user.email, ip: meta.ip, userAgent: meta.userAgent };
    await recordInUsersOrganizations(tx, open.user.id, actor, "member.password_reset", { sessions_ended: ended });
    return { email: open.user.email };
  });
}
