import { Badge } from "@/components/ui/badge";
import type { SerializedKey } from "@/lib/keys/serialize-key";
import { exceedsLifetime } from "@/lib/keys/key-policy";

const DAY = 864e5;

/** Status and warning badges: expired / deleted, "expires soon" within 14 days, "stale" after 90 days unused. */
export function KeyStatus({ k, now = Date.now(), maxLifetimeDays }: { k: SerializedKey; now?: number; maxLifetimeDays?: number | null }) {
  if (k.deleted_at) return <Badge tone="gray">Deleted</Badge>;
  if (k.canary) return <Badge tone="blue">Decoy</Badge>;
  const leaked = k.leaked_at ? <Badge tone="red">Leaked</Badge> : null;
  if (k.disabled) return <span className="inline-flex flex-wrap gap-1"><Badge tone="yellow">Paused</Badge>{leaked}</span>;
  const expires = k.expires_at ? new Date(k.expires_at).getTime() : null;
  if (expires !== null && expires <= now) return <Badge tone="red">Expired</Badge>;
  if (k.secrets.length === 0) return <span className="inline-flex flex-wrap gap-1">{leaked ?? <Badge tone="red">No live secret</Badge>}</span>;
  const lastActivity = new Date(k.last_used_at ?? k.created_at).getTime();
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone="green">Active</Badge>
      {leaked}
      {expires !== null && expires - now < 14 * DAY ? <Badge tone="yellow">Expires soon</Badge> : null}
      {now - lastActivity > 90 * DAY ? <Badge tone="gray">Stale</Badge> : null}
      {k.secrets.length > 1 ? <Badge tone="blue">Rotating</Badge> : null}
      {exceedsLifetime(maxLifetimeDays, k.expires_at, now) ? <Badge tone="yellow">Exceeds policy</Badge> : null}
    </span>
  );
}
