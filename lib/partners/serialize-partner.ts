// A partner as the API shows it, and its status (invited, active, deleted).
import "server-only";
import type { Partner } from "@/lib/generated/sqlite/client";
import { partnerLevelOf } from "@/lib/partners/partner-levels";

export function partnerStatus(p: { deletedAt: Date | null; claimedAt: Date | null; lastActivityAt: Date | null }) {
  if (p.deletedAt) return "deleted" as const;
  return p.claimedAt || p.lastActivityAt ? ("active" as const) : ("invited" as const);
}

export function serializePartner(p: Partner & { _count?: { keys: number } }, keyCount?: number) {
  return {
    id: p.id,
    name: p.name,
    email: p.email,
    level: partnerLevelOf(p.level),
    status: partnerStatus(p),
    key_count: keyCount ?? p._count?.keys ?? 0,
    last_activity_at: p.lastActivityAt?.toISOString() ?? null,
    claimed_at: p.claimedAt?.toISOString() ?? null,
    disabled: p.disabled,
    deleted_at: p.deletedAt?.toISOString() ?? null,
    created_at: p.createdAt.toISOString(),
  };
}
