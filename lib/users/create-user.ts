import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/audit/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { ApiError } from "@/lib/http/problem";
import { isRole, type Role } from "@/lib/auth/roles";
import { isUniqueViolation, lockOrg } from "@/lib/orgs/lock-org";
import { hashPassword, MIN_PASSWORD_LENGTH, normalizeEmail } from "@/lib/users/password";

export type CreateUserParams = {
  email: string;
  password: string;
  role: Role;
  organizationId: string;
  name?: string;
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Checks what can be checked without the database; throws invalid_request with a clear message. */
export function validateNewUser(p: Pick<CreateUserParams, "email" | "password" | "role">) {
  const email = normalizeEmail(p.email);
  if (!EMAIL.test(email) || email.length > 254) throw new ApiError("invalid_request", `"${p.email}" is not a valid email address.`, { errors: [{ path: "email", message: "invalid email" }] });
  if (p.password.length < MIN_PASSWORD_LENGTH) {
    throw new ApiError("invalid_request", `Password must be at least ${MIN_PASSWORD_LENGTH} characters long.`, { errors: [{ path: "password", message: `at least ${MIN_PASSWORD_LENGTH} characters` }] });
  }
  if (!isRole(p.role)) throw new ApiError("invalid_request", `Unknown role "${String(p.role)}": use owner, admin or agent.`, { errors: [{ path: "role", message: "owner, admin or agent" }] });
  return email;
}

/**
 * Creates a user with a password and a membership in one transaction (nothing half-written).
 * Emails are unique ignoring case: they are stored lower-cased under a unique index.
 */
export async function createUser(p: CreateUserParams, actor: Actor) {
  const email = validateNewUser(p);
  const passwordHash = await hashPassword(p.password);
  const name = p.name?.trim() || email.split("@")[0]!;
  try {
    return await db.$transaction(async (tx) => {
      // write lock first (not_found when the organization does not exist): see lockOrg
      await lockOrg(tx, p.organizationId);
      const org = { id: p.organizationId };
      if (await tx.user.findUnique({ where: { email }, select: { id: true } })) throw new ApiError("conflict", `A user with email ${email} already exists.`);
      const user = await tx.user.create({ data: { email, name, passwordHash } });
      const membership = await tx.membership.create({ data: { userId: user.id, organizationId: org.id, role: p.role } });
      await recordAuditEvent(tx, {
        organizationId: org.id, actor, action: "member.added", targetType: "user", targetId: user.id,
        metadata: { email, role: p.role, created_user: true },
      });
      return { user, membership };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ApiError("conflict", `A user with email ${email} already exists.`);
    throw e;
  }
}
