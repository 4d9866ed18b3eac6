// The organization's key policies: how long a key may live (max_key_lifetime_days) and how long it may
// sit unused before it is paused (idle_key_days, lib/keys/run-key-policies.ts).
import { ApiError } from "@/lib/http/problem";

const DAY = 864e5;

/** The latest expiry the policy allows for a key made or rotated now; null when there is no limit. */
export function latestAllowedExpiry(maxKeyLifetimeDays: number | null | undefined, now = Date.now()): Date | null {
  return maxKeyLifetimeDays ? new Date(now + maxKeyLifetimeDays * DAY) : null;
}

/** 400 naming the limit when an expiry is missing or beyond it. */
export function assertWithinLifetime(org: { maxKeyLifetimeDays: number | null }, expiresAt: Date | null | undefined, now = Date.now()) {
  const latest = latestAllowedExpiry(org.maxKeyLifetimeDays, now);
  if (!latest) return;
  if (!expiresAt || expiresAt.getTime() > latest.getTime() + 60_000) {
    const message = `This organization's keys live at most ${org.maxKeyLifetimeDays} days: set expires_at on or before ${latest.toISOString().slice(0, 10)}`;
    throw new ApiError("invalid_request", `${message}.`, { errors: [{ path: "expires_at", message }], max_key_lifetime_days: org.maxKeyLifetimeDays });
  }
}

/** Whether a key's expiry is beyond what the policy allows a key made now (the "exceeds policy" badge). */
export function exceedsLifetime(maxKeyLifetimeDays: number | null | undefined, expiresAt: Date | string | null, now = Date.now()): boolean {
  const latest = latestAllowedExpiry(maxKeyLifetimeDays, now);
  if (!latest) return false;
  return !expiresAt || new Date(expiresAt).getTime() > latest.getTime() + 60_000;
}
