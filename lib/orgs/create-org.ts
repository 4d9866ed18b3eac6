import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/audit/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { ApiError } from "@/lib/http/problem";
import type { PlanName } from "@/lib/keys/permissions";
import { invalidateSlug } from "@/lib/changes/announce-changes";
import { recordChange } from "@/lib/changes/record-change";
import { isUniqueViolation } from "@/lib/orgs/lock-org";
import { slugProblem } from "@/lib/orgs/slug";

export type CreateOrgParams = { slug: string; name: string; plan?: PlanName };

/** Creates an organization (no members yet: add an owner with createUser). Slugs are unique. */
export async function createOrg(params: CreateOrgParams, actor: Actor) {
  const slug = params.slug.trim();
  const problem = slugProblem(slug);
  if (problem) throw new ApiError("invalid_request", `Slug ${problem}.`, { errors: [{ path: "slug", message: problem }] });
  const name = params.name.trim();
  if (!name || name.length > 100) {
    throw new ApiError("invalid_request", "Name must be 1 to 100 characters long.", { errors: [{ path: "name", message: "1 to 100 characters" }] });
  }
  try {
    const created = await db.$transaction(async (tx) => {
      const org = await tx.organization.create({ data: { slug, name, ...(params.plan ? { plan: params.plan } : {}) } });
      await recordAuditEvent(tx, {
        organizationId: org.id, actor, action: "org.created", targetType: "organization", targetId: org.id,
        metadata: { slug, name, plan: org.plan },
      });
      // the slug may be cached as naming no organization (guest requests), everywhere
      await recordChange(tx, "slug", slug);
      return org;
    });
    invalidateSlug(slug);
    return created;
  } catch (e) {
    if (isUniqueViolation(e)) throw new ApiError("conflict", `An organization with slug "${slug}" already exists.`);
    throw e;
  }
}
