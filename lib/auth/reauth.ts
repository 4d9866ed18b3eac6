// Password re-confirmation for sensitive actions (revealing a key): a signed, httpOnly cookie bound
// to the user that is good for 10 minutes. Tampering, another user's cookie or an old one: not valid.
import "server-only";
import crypto from "node:crypto";
import { cookies } from "next/headers";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { verifyPassword } from "@/lib/users/password";
import { refundSignInAttempt, takeSignInAttempt } from "@/lib/auth/sign-in-limiter";
import { tryAgainIn } from "@/lib/http/try-again";
import { FormErrors } from "@/lib/actions/form-errors";
import { clientIp } from "@/lib/net/client-ip";
import { headers } from "next/headers";

export const REAUTH_COOKIE = "keydesk-reauth";
export const REAUTH_WINDOW_MS = 10 * 60 * 1000;

function sign(userId: string, until: number): string {
  return crypto.createHmac("sha256", env.authSecret).update(`reauth:${userId}:${until}`).digest("base64url");
}

/** True when this user confirmed their password in the last 10 minutes (in this browser). */
export async function hasRecentPasswordConfirmation(userId: string, now = Date.now()): Promise<boolean> {
  const raw = (await cookies()).get(REAUTH_COOKIE)?.value;
  if (!raw) return false;
  const [id, untilText, mac] = raw.split(".");
  const until = Number(untilText);
  if (id !== userId || !Number.isFinite(until) || until <= now || !mac) return false;
  const expected = Buffer.from(sign(userId, until));
  const given = Buffer.from(mac);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}

export type ConfirmResult = { ok: true } | { ok: false; error: string };

/** Checks the password (limited like sign-in attempts) and, when right, starts a 10-minute window. */
export async function confirmPassword(user: { id: string; email: string }, password: string, ip: string | null): Promise<ConfirmResult> {
  const attempt = await takeSignInAttempt(user.email, ip);
  if (!attempt.allowed) return { ok: false, error: `Too many attempts. ${tryAgainIn(attempt.retryAfterSeconds)}` };
  const row = await db.user.findUnique({ where: { id: user.id }, omit: { passwordHash: false } });
  if (!row || !(await verifyPassword(row.passwordHash, password))) return { ok: false, error: "Incorrect password" };
  await refundSignInAttempt(user.email, ip);
  const until = Date.now() + REAUTH_WINDOW_MS;
  (await cookies()).set(REAUTH_COOKIE, `${user.id}.${until}.${sign(user.id, until)}`, {
    httpOnly: true,
    sameSite: "strict",
    path: "/",
    maxAge: REAUTH_WINDOW_MS / 1000,
    secure: env.secureCookies,
  });
  return { ok: true };
}

/**
 * Reading a working secret (reveal, rotate) needs the password again unless it was confirmed in the
 * last 10 minutes: a stolen session alone must not yield a usable key. Throws FormErrors on `password`.
 */
export async function requireRecentPassword(user: { id: string; email: string }, password: unknown): Promise<void> {
  if (await hasRecentPasswordConfirmation(user.id)) return;
  if (typeof password !== "string" || !password) throw new FormErrors({ password: ["Enter your password to continue"] });
  if (password.length > 1024) throw new FormErrors({ password: ["Incorrect password"] });
  const confirmed = await confirmPassword(user, password, clientIp(await headers()));
  if (!confirmed.ok) throw new FormErrors({ password: [confirmed.error] });
}
