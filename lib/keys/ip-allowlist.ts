// Per-key IP allowlists: up to 100 addresses or CIDR ranges, IPv4 or IPv6, stored normalised (a lone
// address as itself, a range as its network address and prefix) and matched against the client
// address with ipaddr.js. IPv4-mapped IPv6 (::ffff:192.0.2.1) is treated as the IPv4 address.
import ipaddr from "ipaddr.js";

export const MAX_ALLOWED_IPS = 100;

type Addr = ipaddr.IPv4 | ipaddr.IPv6;
export type IpRange = [Addr, number];

const plain = (a: Addr): Addr => (a.kind() === "ipv6" && (a as ipaddr.IPv6).isIPv4MappedAddress() ? (a as ipaddr.IPv6).toIPv4Address() : a);

/** "10.0.0.7/24" -> "10.0.0.0/24", "::ffff:1.2.3.4" -> "1.2.3.4", "2001:DB8::1/128" -> "2001:db8::1"; null when not an address or range. */
export function normalizeIpEntry(input: string): string | null {
  const s = input.trim();
  if (!s) return null;
  try {
    if (s.includes("/")) {
      const [addr, bits] = ipaddr.parseCIDR(s);
      const a = plain(addr);
      const prefix = a === addr ? bits : bits - 96; // a mapped range keeps its IPv4 prefix
      if (prefix < 0) return null;
      const max = a.kind() === "ipv4" ? 32 : 128;
      if (prefix === max) return a.toString();
      const network = a.kind() === "ipv4" ? ipaddr.IPv4.networkAddressFromCIDR(`${a.toString()}/${prefix}`) : ipaddr.IPv6.networkAddressFromCIDR(`${a.toString()}/${prefix}`);
      return `${network.toString()}/${prefix}`;
    }
    if (!ipaddr.isValid(s)) return null;
    // ipaddr.js accepts shorthand IPv4 ("10.1"); an allowlist wants the four parts written out
    if (!s.includes(":") && !ipaddr.IPv4.isValidFourPartDecimal(s)) return null;
    return plain(ipaddr.parse(s)).toString();
  } catch {
    return null;
  }
}

/** Parsed once per cached key: what the request path matches against. */
export function compileAllowlist(entries: readonly string[]): IpRange[] {
  return entries.map((e) => {
    const [a, bits] = e.includes("/") ? ipaddr.parseCIDR(e) : [ipaddr.parse(e), e.includes(":") ? 128 : 32];
    return [a, bits] as IpRange;
  });
}

export function parseClientIp(ip: string | null | undefined): Addr | null {
  if (!ip || !ipaddr.isValid(ip)) return null;
  return plain(ipaddr.parse(ip));
}

export function ipAllowed(ip: string | null | undefined, ranges: readonly IpRange[]): boolean {
  const a = parseClientIp(ip);
  if (!a) return false;
  return ranges.some(([net, bits]) => net.kind() === a.kind() && a.match(net, bits));
}
