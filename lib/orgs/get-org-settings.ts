import "server-only";
import { db } from "@/lib/db";
import { serializeSettings } from "@/lib/validations/settings";

/** The organization's API settings and key policies as the API shows them. */
export async function getOrgSettings(organizationId: string) {
  return serializeSettings(await db.organization.findUniqueOrThrow({ where: { id: organizationId } }));
}
