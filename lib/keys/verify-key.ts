// The hot path: format and checksum (no I/O), SHA-256, cache. The database is read only on a
// cache miss, and unknown hashes are cached too.
import "server-only";
import { db } from "@/lib/db";
import { getCachedOrg } from "@/lib/orgs/get-org";
import { hashKey, isWellFormedKey } from "@/lib/keys/key-format";
import { keyCache, type CachedKey, type CachedOrg } from "@/lib/keys/key-cache";
import { compileAllowlist } from "@/lib/keys/ip-allowlist";

export type VerifyResult =
  | { status: "valid"; key: CachedKey; org: CachedOrg }
  | { status: "invalid"; reason: "malformed" | "unknown" | "deleted" }
  // answered exactly as an unknown key; the caller raises the alert
  | { status: "invalid"; reason: "canary"; key: CachedKey }
  | { status: "expired"; reason: "key" | "secret" }
  | { status: "leaked" }
  | { status: "disabled" };

async function load(hash: string): Promise<CachedKey | "miss"> {
  const row = await db.apiKeySecret.findUnique({ where: { hash }, include: { key: { include: { partner: { select: { disabled: true } } } } } });
  if (!row) return "miss";
  const k = row.key;
  return {
    secretId: row.id,
    keyId: k.id,
    organizationId: k.organizationId,
    partnerId: k.partnerId,
    name: k.name,
    permissions: k.permissions as string[],
    preset: k.preset,
    rateLimitPerHour: k.rateLimitPerHour,
    keyExpiresAt: k.expiresAt?.getTime() ?? null,
    secretExpiresAt: row.expiresAt?.getTime() ?? null,
    revoked: row.revokedAt !== null,
    leaked: row.leakedAt !== null && row.revokedAt !== null,
    deleted: k.deletedAt !== null,
    disabled: k.disabled || (k.partner?.disabled ?? false),
    canary: k.canary,
    allowedIps: Array.isArray(k.allowedIps) && k.allowedIps.length ? compileAllowlist(k.allowedIps as string[]) : null,
  };
}

export function checkCachedKey(entry: CachedKey | "miss", now: number): VerifyResult | null {
  if (entry === "miss") return { status: "invalid", reason: "unknown" };
  if (entry.canary) return entry.deleted ? { status: "invalid", reason: "deleted" } : { status: "invalid", reason: "canary", key: entry };
  if (entry.deleted) return { status: "invalid", reason: "deleted" };
  if (entry.leaked) return { status: "leaked" };
  if (entry.keyExpiresAt !== null && entry.keyExpiresAt <= now) return { status: "expired", reason: "key" };
  if (entry.revoked || (entry.secretExpiresAt !== null && entry.secretExpiresAt <= now)) return { status: "expired", reason: "secret" };
  if (entry.disabled) return { status: "disabled" };
  return null;
}

export async function verifyKey(raw: string, now = Date.now()): Promise<VerifyResult> {
  if (!isWellFormedKey(raw)) return { status: "invalid", reason: "malformed" };
  const hash = hashKey(raw);
  let entry = keyCache.get(hash);
  if (entry === undefined) {
    const epoch = keyCache.epoch();
    entry = await load(hash);
    keyCache.set(hash, entry, epoch);
  }
  const failed = checkCachedKey(entry, now);
  if (failed) return failed;
  const key = entry as CachedKey;
  const org = await getCachedOrg(key.organizationId);
  if (!org) return { status: "invalid", reason: "unknown" };
  return { status: "valid", key, org };
}
