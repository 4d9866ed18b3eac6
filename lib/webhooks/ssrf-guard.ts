// Outgoing webhook requests must not reach internal services. Resolve the host, refuse every address
// that is not public unicast, and connect to exactly the address that was checked (the caller passes
// it to the socket's `lookup`), so a second DNS answer (rebinding) cannot redirect the request.
import dns from "node:dns";
import net from "node:net";

export class BlockedDestinationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BlockedDestinationError";
  }
}

// Two lists: Node matches IPv4 addresses against IPv4-mapped IPv6 rules, so ::ffff:0:0/96 in a shared
// list would block every IPv4 address.
const blocked4 = new net.BlockList();
const blocked6 = new net.BlockList();
// IPv4: "this network", private, CGNAT, link-local (cloud metadata), IETF/TEST-NETs, benchmarking, multicast, reserved, broadcast.
for (const [net4, prefix] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["169.254.0.0", 16], ["172.16.0.0", 12], ["192.0.0.0", 24],
  ["192.0.2.0", 24], ["192.88.99.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["198.51.100.0", 24], ["203.0.113.0", 24],
  ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) blocked4.addSubnet(net4, prefix, "ipv4");
// IPv6: unspecified, v4-compatible/mapped/translated (they can smuggle a private v4), discard, documentation,
// 6to4, unique-local, link-local, site-local, multicast.
for (const [net6, prefix] of [
  ["::", 128], ["::", 96], ["::ffff:0:0", 96], ["64:ff9b::", 96], ["64:ff9b:1::", 48], ["100::", 64], ["2001:db8::", 32],
  ["2002::", 16], ["fc00::", 7], ["fe80::", 10], ["fec0::", 10], ["ff00::", 8],
] as const) blocked6.addSubnet(net6, prefix, "ipv6");

const loopback = new net.BlockList();
loopback.addSubnet("127.0.0.0", 8, "ipv4");
loopback.addAddress("::1", "ipv6");

export function isLoopbackAddress(address: string): boolean {
  const family = net.isIP(address);
  return family !== 0 && loopback.check(address, family === 6 ? "ipv6" : "ipv4");
}

/** Why an address may not be called, or null when it is public unicast (loopback only when allowed). */
export function addressProblem(address: string, allowLoopback: boolean): string | null {
  const family = net.isIP(address);
  if (family === 0) return `${address} is not an IP address`;
  const type = family === 6 ? "ipv6" : "ipv4";
  if (family === 6 && /^::ffff:/i.test(address)) return `${address} is an IPv4-mapped address`;
  if (loopback.check(address, type)) return allowLoopback ? null : `${address} is a loopback address`;
  if (family === 4 ? blocked4.check(address, "ipv4") : blocked6.check(address, "ipv6")) return `${address} is a private, link-local or reserved address`;
  return null;
}

/** http:// to this machine in development and tests, or for our own end-to-end runs; https everywhere else. */
export function localDeliveryAllowed(): boolean {
  return process.env.NODE_ENV === "development" || process.env.NODE_ENV === "test" || process.env.KEYDESK_WEBHOOKS_ALLOW_LOCAL === "1";
}

export type LookupAll = (hostname: string) => Promise<{ address: string; family: number }[]>;

const systemLookup: LookupAll = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

export type GuardOptions = { allowLocal?: boolean; lookup?: LookupAll };
export type ResolvedTarget = { url: URL; hostname: string; address: string; family: 4 | 6 };

const bareHost = (u: URL) => u.hostname.replace(/^\[|\]$/g, "");

/**
 * Checks a URL without touching the network: the scheme, and the host when it is a literal address.
 * Used when an endpoint is saved; `resolveTarget` repeats the check on every delivery.
 */
export function urlProblem(raw: string, opts: { allowLocal?: boolean; checkAddressesLater?: boolean } = {}): string | null {
  const allowLocal = opts.allowLocal ?? localDeliveryAllowed();
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Not a valid URL";
  }
  if (url.username || url.password) return "The URL must not carry credentials";
  const host = bareHost(url);
  const local = host === "localhost" || host.endsWith(".localhost") || isLoopbackAddress(host);
  if (url.protocol === "http:") {
    // On delivery a name's addresses are checked to be loopback, so any name may pass here then.
    const later = opts.checkAddressesLater && allowLocal && !net.isIP(host);
    if (!(allowLocal && (local || later))) return allowLocal ? "Use https:// (http:// only to localhost)" : "Use https://";
  } else if (url.protocol !== "https:") {
    return "Use https://";
  }
  if (local && !allowLocal) return "The URL must not point at this server";
  if (net.isIP(host)) return addressProblem(host, allowLocal);
  return null;
}

/** Resolves the URL's host and returns the one address to connect to; throws BlockedDestinationError. */
export async function resolveTarget(raw: string, opts: GuardOptions = {}): Promise<ResolvedTarget> {
  const allowLocal = opts.allowLocal ?? localDeliveryAllowed();
  const problem = urlProblem(raw, { allowLocal, checkAddressesLater: true });
  if (problem) throw new BlockedDestinationError(problem);
  const url = new URL(raw);
  const hostname = bareHost(url);
  let addresses: { address: string; family: number }[];
  if (net.isIP(hostname)) addresses = [{ address: hostname, family: net.isIP(hostname) }];
  else {
    try {
      addresses = await (opts.lookup ?? systemLookup)(hostname);
    } catch (e) {
      throw new BlockedDestinationError(`Cannot resolve ${hostname}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  }
  if (addresses.length === 0) throw new BlockedDestinationError(`${hostname} has no address`);
  // Every answer must be acceptable: otherwise a host could list a public and a private address.
  for (const a of addresses) {
    const p = addressProblem(a.address, allowLocal);
    if (p) throw new BlockedDestinationError(`${hostname} resolves to a refused address (${p})`);
  }
  // http:// is allowed only to this machine: the address, not just the name, must be loopback.
  if (url.protocol === "http:" && !addresses.every((a) => isLoopbackAddress(a.address))) {
    throw new BlockedDestinationError("http:// is allowed only to this machine; use https://");
  }
  const first = addresses[0]!;
  return { url, hostname, address: first.address, family: first.family === 6 ? 6 : 4 };
}
