import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/audit/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { ApiError } from "@/lib/http/problem";
import { assertPlanAllows } from "@/lib/plans/assert-plan-allows";
import { getKeyOrThrow, type KeyGuard } from "@/lib/keys/get-key-or-throw";
import { invalidateKey } from "@/lib/changes/announce-changes";
import { recordChange } from "@/lib/changes/record-change";
import { permissionsIndexFor, resolvePermissions, type Permission, type Preset } from "@/lib/keys/permissions";
import { keyInclude, serializeKey } from "@/lib/keys/serialize-key";
import { assertWithinLifetime } from "@/lib/keys/key-policy";
import { withinLevel } from "@/lib/partners/partner-levels";

export type UpdateKeyParams = {
  name?: string;
  scopes?: Preset[];
  permissions?: Permission[];
  expiresAt?: Date | null;
  rateLimitPerHour?: number | null;
  /** Normalised addresses and ranges; [] = any address. */
  allowedIps?: string[];
  /** Pause (true) or resume (false). */
  disabled?: boolean;
};

/** Rename, re-scope, change expiry or limit. The audit event carries before and after. */
export async function updateKey(organizationId: string, id: string, p: UpdateKeyParams, actor: Actor, guard?: KeyGuard) {
  const updated = await db.$transaction(async (tx) => {
    const before = await getKeyOrThrow(organizationId, id, tx);
    guard?.(before);
    if (before.deletedAt) throw new ApiError("conflict", "A deleted key cannot be changed; restore it first.");
    const data: Record<string, unknown> = {};
    if (p.name !== undefined) data.name = p.name.trim();
    if (p.scopes || p.permissions) {
      const r = resolvePermissions(p);
      const org = await tx.organization.findUniqueOrThrow({ where: { id: organizationId } });
      assertPlanAllows(org.plan, r.permissions);
      if (before.partnerId) {
        const partner = await tx.partner.findUniqueOrThrow({ where: { id: before.partnerId } });
        if (!withinLevel(partner.level, r.permissions)) {
          throw new ApiError("invalid_request", "The request has invalid fields.", { errors: [{ path: "permissions", message: `The partner's ${partner.level} level bounds this key` }] });
        }
      }
      data.permissions = r.permissions;
      data.permissionsIndex = permissionsIndexFor(r.permissions);
      data.preset = r.preset;
    }
    if (p.expiresAt !== undefined) {
      assertWithinLifetime(await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { maxKeyLifetimeDays: true } }), p.expiresAt);
      data.expiresAt = p.expiresAt;
    }
    if (p.rateLimitPerHour !== undefined) data.rateLimitPerHour = p.rateLimitPerHour;
    if (p.allowedIps !== undefined) data.allowedIps = p.allowedIps; // [] = any address
    if (p.disabled !== undefined) data.disabled = p.disabled;
    const after = await tx.apiKey.update({ where: { id }, data, include: keyInclude });
    const ips = (v: unknown) => (Array.isArray(v) ? v : []);
    const pick = (k: { name: string; permissions: unknown; expiresAt: Date | null; rateLimitPerHour: number | null; allowedIps: unknown }) => ({ name: k.name, permissions: k.permissions, expires_at: k.expiresAt, rate_limit_per_hour: k.rateLimitPerHour, allowed_ips: ips(k.allowedIps) });
    // pausing and resuming are their own events; anything else is key.updated with before and after
    if (after.disabled !== before.disabled) {
      await recordAuditEvent(tx, { organizationId, actor, action: after.disabled ? "key.paused" : "key.resumed", targetType: "key", targetId: id, metadata: { name: after.name } });
    }
    const changed = JSON.stringify(pick(before)) !== JSON.stringify(pick(after));
    if (changed || after.disabled === before.disabled) {
      await recordAuditEvent(tx, { organizationId, actor, action: "key.updated", targetType: "key", targetId: id, metadata: { before: pick(before), after: pick(after) } });
    }
    await recordChange(tx, "key", id);
    return after;
  });
  invalidateKey(id);
  return serializeKey(updated);
}
