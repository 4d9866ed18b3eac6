// The key as the API shows it (CONTRACT.md §4): never the hash or the ciphertext.
import type { ApiKey, ApiKeySecret } from "@/lib/generated/sqlite/client";

export type KeySecretRow = Omit<ApiKeySecret, "hash" | "ciphertext"> & { ciphertext?: string | null };
export type KeyWithSecrets = ApiKey & { secrets: KeySecretRow[] };

export const keyInclude = { secrets: { orderBy: { createdAt: "asc" } } } as const;

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** Live secrets: not retired and not past their expiry. */
export function liveSecrets<T extends { revokedAt: Date | null; expiresAt: Date | null }>(secrets: T[], now = new Date()): T[] {
  return secrets.filter((s) => !s.revokedAt && (!s.expiresAt || s.expiresAt > now));
}

export function serializeKey(k: KeyWithSecrets) {
  const live = liveSecrets(k.secrets);
  const newest = live[live.length - 1] ?? k.secrets[k.secrets.length - 1];
  // the latest leak of any of its secrets (a revoked leaked secret is no longer listed below)
  const leak = k.secrets.filter((s) => s.leakedAt).sort((a, b) => b.leakedAt!.getTime() - a.leakedAt!.getTime())[0];
  return {
    id: k.id,
    name: k.name,
    start: newest?.start ?? null,
    end: newest?.end ?? null,
    permissions: k.permissions as string[],
    preset: (k.preset as "read" | "write" | "admin" | null) ?? null,
    partner_id: k.partnerId,
    expires_at: iso(k.expiresAt),
    rate_limit_per_hour: k.rateLimitPerHour,
    allowed_ips: Array.isArray(k.allowedIps) ? (k.allowedIps as string[]) : [],
    disabled: k.disabled,
    canary: k.canary,
    leaked_at: iso(leak?.leakedAt),
    leaked_url: leak?.leakedUrl ?? null,
    created_at: k.createdAt.toISOString(),
    created_by: { type: k.createdByType, id: k.createdById, label: k.createdByLabel },
    last_used_at: iso(k.lastUsedAt),
    deleted_at: iso(k.deletedAt),
    secrets: live.map((s) => ({
      id: s.id,
      start: s.start,
      end: s.end,
      created_at: s.createdAt.toISOString(),
      expires_at: iso(s.expiresAt),
      last_used_at: iso(s.lastUsedAt),
      last_used_ip: s.lastUsedIp,
      leaked_at: iso(s.leakedAt),
      retire_when_idle_hours: s.retireWhenIdleHours ?? null,
    })),
  };
}

export type SerializedKey = ReturnType<typeof serializeKey>;
