// Addresses and address lists, through ipaddr.js (what Express's proxy-addr relies on): one parser
// for client IPs behind trusted proxies, the webhook SSRF guard and per-key IP allowlists.
import net from "node:net";
import ipaddr from "ipaddr.js";

export type IpAddress = ipaddr.IPv4 | ipaddr.IPv6;
/** One entry of an address list: a network and its prefix length (a single address is /32 or /128). */
export type IpRange = [IpAddress, number];

/**
 * A strict textual address (no "127.1", no hex, no port), IPv4-mapped IPv6 turned into IPv4
 * (`::ffff:127.0.0.1` → `127.0.0.1`); null when it is not an address.
 */
export function parseIp(value: string): IpAddress | null {
  const s = value.trim();
  if (net.isIP(s) === 0) return null;
  try {
    return ipaddr.process(s);
  } catch {
    return null;
  }
}

/** The canonical text of an address (IPv6 in RFC 5952 form), or null. */
export function normalizeIp(value: string): string | null {
  const ip = parseIp(value);
  if (!ip) return null;
  return ip.kind() === "ipv6" ? (ip as ipaddr.IPv6).toRFC5952String() : ip.toString();
}

/** "10.0.0.0/8" or "2001:db8::1" → a range; null when the entry is not valid. */
export function parseIpOrCidr(value: string): IpRange | null {
  const s = value.trim();
  if (!s.includes("/")) {
    const ip = parseIp(s);
    return ip ? [ip, ip.kind() === "ipv4" ? 32 : 128] : null;
  }
  const [addr, bits] = s.split("/");
  if (!/^\d{1,3}$/.test(bits ?? "") || net.isIP(addr!) === 0) return null;
  try {
    const [ip, prefix] = ipaddr.parseCIDR(s);
    // an IPv4-mapped IPv6 network (::ffff:10.0.0.0/104) is the IPv4 network it maps
    if (ip.kind() === "ipv6" && (ip as ipaddr.IPv6).isIPv4MappedAddress() && prefix >= 96) return [(ip as ipaddr.IPv6).toIPv4Address(), prefix - 96];
    return [ip, prefix];
  } catch {
    return null;
  }
}

/**
 * A comma- (or space-) separated list of addresses and CIDRs → ranges. Throws on the first invalid
 * entry, naming it: lists come from configuration and forms, where a typo must not pass silently.
 */
export function parseIpList(value: string | readonly string[] | undefined | null): IpRange[] {
  const items = (typeof value === "string" ? value.split(/[\s,]+/) : (value ?? [])).map((s) => s.trim()).filter(Boolean);
  return items.map((item) => {
    const range = parseIpOrCidr(item);
    if (!range) throw new Error(`"${item}" is not an IP address or CIDR range`);
    return range;
  });
}

/** Is the address inside any of the ranges (IPv4 never matches an IPv6 range, and the reverse)? */
export function ipInRanges(ip: IpAddress, ranges: readonly IpRange[]): boolean {
  return ranges.some(([net_, bits]) => net_.kind() === ip.kind() && ip.match(net_, bits));
}
