// After a service's transaction commits: drop what it changed from this process's cache at once (read
// your own writes) and wake the other processes' feeds through Redis when it is there. The feed row
// written in the transaction is what makes the change reach every process even if this one dies now.
import { applyChange } from "@/lib/changes/apply-change";
import type { Change } from "@/lib/changes/record-change";

const g = globalThis as unknown as { keydeskFeedWake?: () => void };

/** Set by the running feed (lib/changes/change-feed.ts) when Redis is configured. */
export function setWakePublisher(fn: (() => void) | undefined) {
  g.keydeskFeedWake = fn;
}

export function announceChanges(changes: Change[]) {
  changes.forEach(applyChange);
  g.keydeskFeedWake?.();
}

export const invalidateKey = (keyId: string) => announceChanges([{ kind: "key", ref: keyId }]);
export const invalidateOrg = (orgId: string) => announceChanges([{ kind: "org", ref: orgId }]);
export const invalidateSlug = (slug: string) => announceChanges([{ kind: "slug", ref: slug }]);
