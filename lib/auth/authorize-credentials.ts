// The Credentials provider's check: rate limit, then argon2 against the stored hash. An unknown
// email is verified against a dummy hash so both failures take the same time and say the same thing.
import "server-only";
import { CredentialsSignin } from "next-auth";
import { db } from "@/lib/db";
import { clientIp } from "@/lib/net/client-ip";
import { hashPassword, normalizeEmail, verifyPassword } from "@/lib/users/password";
import { signInSchema } from "@/lib/auth/sign-in-schema";
import { refundSignInAttempt, takeSignInAttempt } from "@/lib/auth/sign-in-limiter";

/** Thrown when the attempt is over the limit; the login action turns it into its own message. */
export class SignInRateLimited extends CredentialsSignin {
  code = "rate_limited";
}

let dummyHash: Promise<string> | null = null;

export async function authorizeCredentials(credentials: Partial<Record<string, unknown>>, request: Request) {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const email = normalizeEmail(parsed.data.email);
  const ip = clientIp(request.headers);
  const attempt = await takeSignInAttempt(email, ip);
  if (!attempt.allowed) throw new SignInRateLimited();

  const user = await db.user.findUnique({ where: { email }, omit: { passwordHash: false } });
  const hash = user?.passwordHash ?? (await (dummyHash ??= hashPassword("keydesk-dummy-password-for-timing")));
  const ok = await verifyPassword(hash, parsed.data.password);
  if (!user || !user.passwordHash || !ok) return null;

  await refundSignInAttempt(email, ip);
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  // where the sign-in came from, for its session row (auth.ts jwt callback)
  return { id: user.id, email: user.email, name: user.name, signInMeta: { ip, userAgent: request.headers.get("user-agent") } };
}
