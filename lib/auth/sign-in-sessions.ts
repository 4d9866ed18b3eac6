// Sign-in sessions: each sign-in gets a row whose id the session cookie (JWT) carries as `sid`, so a
// user sees where they are signed in and can end the other sessions (profile page), and a password
// change or reset ends them too. Every page and every session-authenticated request checks the row
// (lib/auth/session.ts, lib/auth/session-from-request.ts). A cookie without `sid` (signed before
// sessions had rows) is honoured until the user's `sessionsRevokedAt`.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { randomToken } from "@/lib/crypto/secret-box";

export type SessionClaims = { sid?: unknown; iat?: unknown };

const SEEN_EVERY_MS = 5 * 60_000;

export async function startSignInSession(userId: string, meta: { ip?: string | null; userAgent?: string | null } = {}): Promise<string> {
  const id = randomToken(18);
  await db.signInSession.create({ data: { id, userId, ip: meta.ip ?? null, userAgent: meta.userAgent?.slice(0, 512) ?? null } });
  return id;
}

/** The select that `sessionIsLive` needs, to fold into the user query a request makes anyway. */
export function liveSessionSelect(claims: SessionClaims) {
  const sid = typeof claims.sid === "string" ? claims.sid : "";
  return { sessionsRevokedAt: true, signInSessions: { where: { id: sid }, select: { id: true, revokedAt: true, lastSeenAt: true } } } as const;
}

type LiveSessionRow = { sessionsRevokedAt: Date | null; signInSessions: { id: string; revokedAt: Date | null; lastSeenAt: Date }[] };

/** Whether the cookie's session is still live for this user (rows from `liveSessionSelect`). */
export function sessionIsLive(user: LiveSessionRow, claims: SessionClaims): boolean {
  if (typeof claims.sid === "string" && claims.sid) {
    const row = user.signInSessions[0];
    if (!row || row.revokedAt) return false;
    if (Date.now() - row.lastSeenAt.getTime() > SEEN_EVERY_MS) {
      // at most one write per session every few minutes; a lost one only makes "last seen" older
      void db.signInSession.updateMany({ where: { id: row.id }, data: { lastSeenAt: new Date() } }).catch(() => {});
    }
    return true;
  }
  if (!user.sessionsRevokedAt) return true;
  const iat = typeof claims.iat === "number" ? claims.iat * 1000 : 0;
  return iat > user.sessionsRevokedAt.getTime();
}

/** The user's live sessions, newest first, the current one marked. */
export async function listSignInSessions(userId: string, currentSid: string | null) {
  const rows = await db.signInSession.findMany({ where: { userId, revokedAt: null }, orderBy: { lastSeenAt: "desc" }, take: 50 });
  return rows.map((r) => ({ id: r.id, current: r.id === currentSid, createdAt: r.createdAt, lastSeenAt: r.lastSeenAt, ip: r.ip, userAgent: r.userAgent }));
}

/** Ends every session of the user but `keepSid` (null: all of them), cookies without a session id included. */
export async function revokeSignInSessions(tx: Tx, userId: string, keepSid: string | null): Promise<number> {
  const now = new Date();
  const { count } = await tx.signInSession.updateMany({ where: { userId, revokedAt: null, ...(keepSid ? { id: { not: keepSid } } : {}) }, data: { revokedAt: now } });
  await tx.user.update({ where: { id: userId }, data: { sessionsRevokedAt: now } });
  return count;
}

/** Sign-out: the session's row ends with the cookie. */
export async function endSignInSession(sid: unknown): Promise<void> {
  if (typeof sid !== "string" || !sid) return;
  await db.signInSession.updateMany({ where: { id: sid, revokedAt: null }, data: { revokedAt: new Date() } });
}
