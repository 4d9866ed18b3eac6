// The client's address. The project's server (scripts/) appends the socket peer as the right-most
// X-Forwarded-For entry, so the right-most entry is the socket address. Walking from the right we
// skip the proxies we trust (KEYDESK_TRUSTED_PROXIES, default none) and take the first other hop:
// with no trusted proxy that is the socket peer, and a caller cannot choose its IP by sending the
// header. X-Real-IP and similar headers are ignored.
import "server-only";
import { env } from "@/lib/env";
import { ipInRanges, normalizeIp, parseIp, type IpRange } from "@/lib/net/ip";

export function clientIp(headers: Headers, trusted: readonly IpRange[] = env.trustedProxies): string | null {
  const fwd = headers.get("x-forwarded-for");
  if (!fwd) return null;
  const hops = fwd.split(",");
  let last: string | null = null;
  for (let i = hops.length - 1; i >= 0; i--) {
    const ip = parseIp(hops[i]!);
    // an entry that is not an address stops the walk: nothing left of it can be trusted
    if (!ip) return last;
    last = normalizeIp(hops[i]!);
    if (!ipInRanges(ip, trusted)) return last;
  }
  return last; // every hop is a trusted proxy: the left-most is as close to the client as we know
}
