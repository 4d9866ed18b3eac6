import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/audit/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { recordWebhookEvent } from "@/lib/webhooks/events";
import { ApiError } from "@/lib/http/problem";
import { defaultKeyName } from "@/lib/keys/default-key-name";
import { orgForKeyWrite } from "@/lib/keys/lock-key";
import { newSecret } from "@/lib/keys/new-secret";
import { assertWithinLifetime, latestAllowedExpiry } from "@/lib/keys/key-policy";
import { permissionsIndexFor, resolvePermissions, type Permission, type PlanName, type Preset } from "@/lib/keys/permissions";
import { assertPlanAllows } from "@/lib/plans/assert-plan-allows";
import { keyInclude, serializeKey } from "@/lib/keys/serialize-key";

export type CreateKeyParams = {
  name?: string;
  scopes?: Preset[];
  permissions?: Permission[];
  expiresAt?: Date | null;
  rateLimitPerHour?: number | null;
  partnerId?: string | null;
  /** Normalised addresses and ranges (lib/validations/key.ts); empty or absent = any. */
  allowedIps?: string[];
  /** A decoy key (never a partner's). */
  canary?: boolean;
};

/** Throws plan_required when the plan cannot hold these permissions (free: none; starter: reads). */
type OrgForKeys = { id: string; plan: PlanName; revealPolicy: "reveal" | "show_once"; maxKeyLifetimeDays?: number | null };

/**
 * Inserts a key inside the caller's transaction, with its audit event. `withSecret: false` makes a
 * key with no secret yet (a partner's key, whose secret is made when the partner claims it).
 */
export async function insertKey(tx: Tx, org: OrgForKeys, params: CreateKeyParams, actor: Actor, opts: { withSecret?: boolean } = {}) {
  const { permissions, preset } = resolvePermissions(params);
  if (permissions.length === 0) throw new ApiError("invalid_request", "A key needs at least one permission.", { errors: [{ path: "permissions", message: "empty" }] });
  assertPlanAllows(org.plan, permissions);
  // under a lifetime policy a key without an expiry given gets the longest allowed; "never" or a later one is refused
  const expiresAt = params.expiresAt === undefined ? latestAllowedExpiry(org.maxKeyLifetimeDays) : params.expiresAt;
  assertWithinLifetime({ maxKeyLifetimeDays: org.maxKeyLifetimeDays ?? null }, expiresAt);
  const secret = opts.withSecret === false ? null : newSecret(org.revealPolicy === "reveal");
  const key = await tx.apiKey.create({
    data: {
      organizationId: org.id,
      partnerId: params.partnerId ?? null,
      name: params.name?.trim() || defaultKeyName(),
      permissions,
      permissionsIndex: permissionsIndexFor(permissions),
      preset,
      expiresAt: expiresAt ?? null,
      rateLimitPerHour: params.rateLimitPerHour ?? null,
      allowedIps: params.allowedIps ?? [],
      canary: params.canary === true && !params.partnerId,
      createdByType: actor.type,
      createdById: actor.id,
      createdByLabel: actor.label,
      ...(secret ? { secrets: { create: secret.data } } : {}),
    },
    include: keyInclude,
  });
  await recordAuditEvent(tx, {
    organizationId: org.id, actor, action: "key.created", targetType: "key", targetId: key.id,
    metadata: { name: key.name, permissions, expires_at: key.expiresAt, rate_limit_per_hour: key.rateLimitPerHour, partner_id: key.partnerId, ...(key.canary ? { canary: true } : {}), ...(params.allowedIps?.length ? { allowed_ips: params.allowedIps } : {}) },
  });
  await recordWebhookEvent(tx, { organizationId: org.id, type: "key.created", data: serializeKey(key) });
  return { key, secret: secret?.key ?? null };
}

/**
 * Creates a key with one secret. Returns the key and its secret: the only time it exists in clear.
 * A partner's keys are made by lib/partners (no secret until the partner claims it).
 */
export async function createKey(organizationId: string, params: Omit<CreateKeyParams, "partnerId">, actor: Actor) {
  // the plan and reveal policy are read inside the transaction, locked until it commits: a key
  // never gets a ciphertext after its organization switched to show_once
  const created = await db.$transaction(async (tx) => insertKey(tx, await orgForKeyWrite(tx, organizationId), params, actor));
  return { key: serializeKey(created.key), secret: created.secret! };
}
