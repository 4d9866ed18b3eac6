// The team: members with their roles, and the open invitations.
import "server-only";
import { db } from "@/lib/db";
import type { Role } from "@/lib/auth/roles";

export async function listMembers(organizationId: string) {
  const rows = await db.membership.findMany({
    where: { organizationId },
    include: { user: { select: { id: true, email: true, name: true, lastSignInAt: true } } },
    orderBy: { createdAt: "asc" },
  });
  const invitations = await db.invitation.findMany({ where: { organizationId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } }, orderBy: { createdAt: "desc" } });
  return {
    data: rows.map((m) => ({
      user_id: m.user.id, email: m.user.email, name: m.user.name, role: m.role,
      joined_at: m.createdAt.toISOString(), last_sign_in_at: m.user.lastSignInAt?.toISOString() ?? null,
    })),
    invitations: invitations.map(serializeInvitation),
  };
}

export function serializeInvitation(i: { id: string; email: string; role: Role; expiresAt: Date; createdAt: Date; acceptedAt: Date | null }) {
  return { id: i.id, email: i.email, role: i.role, expires_at: i.expiresAt.toISOString(), created_at: i.createdAt.toISOString(), accepted_at: i.acceptedAt?.toISOString() ?? null };
}
