// Who hears about trouble with a key: the organization's owners and admins (unless `admins: false`, for
// routine reminders), the key's creator when a person made it, and for a partner's key the partner's
// contact. Each address once.
import "server-only";
import { db } from "@/lib/db";

export async function keyAlertRecipients(keyId: string, opts: { admins?: boolean } = {}): Promise<{ organizationName: string; emails: string[] }> {
  const admins = opts.admins ?? true;
  const key = await db.apiKey.findUniqueOrThrow({
    where: { id: keyId },
    select: {
      createdByType: true, createdById: true,
      partner: { select: { email: true, deletedAt: true } },
      organization: { select: { name: true, memberships: { where: { role: { in: admins ? ["owner", "admin"] : [] } }, select: { user: { select: { email: true } } } } } },
    },
  });
  const emails = new Set(key.organization.memberships.map((m) => m.user.email.toLowerCase()));
  if (key.createdByType === "user" && key.createdById) {
    const creator = await db.user.findUnique({ where: { id: key.createdById }, select: { email: true } });
    if (creator) emails.add(creator.email.toLowerCase());
  }
  if (key.partner && !key.partner.deletedAt) emails.add(key.partner.email.toLowerCase());
  return { organizationName: key.organization.name, emails: [...emails] };
}
