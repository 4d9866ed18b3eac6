import { CliError } from "@/cli/usage";
import { db } from "@/lib/db";

/** The organization named by --org, or the only one there is when none is named. */
export async function findOrg(slug: string | undefined) {
  if (slug !== undefined) {
    const org = await db.organization.findUnique({ where: { slug: slug.trim().toLowerCase() } });
    if (!org) throw new CliError(`No organization with slug "${slug}".`);
    return org;
  }
  const orgs = await db.organization.findMany({ take: 2, orderBy: { createdAt: "asc" } });
  if (orgs.length === 1) return orgs[0]!;
  if (orgs.length === 0) throw new CliError("No organization exists yet: create one with `orgs create` (or `db seed`), or name one with --org SLUG.");
  throw new CliError("There are several organizations: name one with --org SLUG.");
}
