// Per-key IP allowlists: up to 100 addresses or CIDR ranges, IPv4 or IPv6, stored normalised (a lone
// address as itself, a range as its network address and prefix) and matched against the client
// address. Parsing and matching are lib/net/ip.ts's (the same as for trusted proxies and the SSRF guard).
import ipaddr from "ipaddr.js";
import { ipInRanges, parseIp, parseIpList, parseIpOrCidr, type IpRange } from "@/lib/net/ip";

export type { IpRange };
export const MAX_ALLOWED_IPS = 100;

const text = (a: ipaddr.IPv4 | ipaddr.IPv6) => (a.kind() === "ipv6" ? (a as ipaddr.IPv6).toRFC5952String() : a.toString());

/** "10.0.0.7/24" -> "10.0.0.0/24", "::ffff:1.2.3.4" -> "1.2.3.4", "2001:DB8::1/128" -> "2001:db8::1"; null when not an address or range. */
export function normalizeIpEntry(input: string): string | null {
  const range = parseIpOrCidr(input);
  if (!range) return null;
  const [addr, prefix] = range;
  const max = addr.kind() === "ipv4" ? 32 : 128;
  if (prefix < 0 || prefix > max) return null;
  if (prefix === max) return text(addr);
  const network = addr.kind() === "ipv4" ? ipaddr.IPv4.networkAddressFromCIDR(`${addr.toString()}/${prefix}`) : ipaddr.IPv6.networkAddressFromCIDR(`${addr.toString()}/${prefix}`);
  return `${text(network)}/${prefix}`;
}

/** Parsed once per cached key: what the request path matches against. */
export function compileAllowlist(entries: readonly string[]): IpRange[] {
  return parseIpList(entries);
}

export function ipAllowed(ip: string | null | undefined, ranges: readonly IpRange[]): boolean {
  const a = ip ? parseIp(ip) : null;
  return a !== null && ipInRanges(a, ranges);
}
