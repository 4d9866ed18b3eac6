// Outgoing webhook requests must not reach internal services. Resolve the host, refuse every address
// that is not public unicast, and connect to exactly the address that was checked (the caller passes
// it to the socket's `lookup`), so a second DNS answer (rebinding) cannot redirect the request.
import "server-only";
import dns from "node:dns";
import net from "node:net";
import ipaddr from "ipaddr.js";
import { env } from "@/lib/env";

export class BlockedDestinationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BlockedDestinationError";
  }
}

// Only public unicast is called. ipaddr.js names the special ranges (RFC 6890 and successors):
// IPv4 "this network", private, CGNAT, link-local (cloud metadata), TEST-NETs, benchmarking,
// multicast, reserved, broadcast; IPv6 unspecified, v4-mapped/translated (they can smuggle a
// private v4), discard, documentation, 6to4, Teredo, unique-local, link-local, site-local, multicast.
// Anything ipaddr.js does not call "unicast" is refused, so a range it learns later is refused too.
const V4_COMPATIBLE = ipaddr.parseCIDR("::/96"); // deprecated ::a.b.c.d, not named by ipaddr.js

function parseLiteral(address: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  if (net.isIP(address) === 0) return null;
  try {
    return ipaddr.parse(address);
  } catch {
    return null;
  }
}

export function isLoopbackAddress(address: string): boolean {
  const ip = parseLiteral(address);
  return ip !== null && ip.range() === "loopback";
}

/** Why an address may not be called, or null when it is public unicast (loopback only when allowed). */
export function addressProblem(address: string, allowLoopback: boolean): string | null {
  const ip = parseLiteral(address);
  if (!ip) return `${address} is not an IP address`;
  if (ip.kind() === "ipv6" && (ip as ipaddr.IPv6).isIPv4MappedAddress()) return `${address} is an IPv4-mapped address`;
  const range = ip.range();
  if (range === "loopback") return allowLoopback ? null : `${address} is a loopback address`;
  if (range !== "unicast" || (ip.kind() === "ipv6" && ip.match(V4_COMPATIBLE))) return `${address} is a private, link-local or reserved address`;
  return null;
}

export type LookupAll = (hostname: string) => Promise<{ address: string; family: number }[]>;

const systemLookup: LookupAll = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

export type GuardOptions = { allowLocal?: boolean; lookup?: LookupAll };
export type ResolvedTarget = { url: URL; hostname: string; address: string; family: 4 | 6 };

const bareHost = (u: URL) => u.hostname.replace(/^\[|\]$/g, "");

/** What a developer testing a receiver on their own machine needs to know. */
const LOCAL_HINT = "To send to an endpoint on this machine while developing, start Keydesk with KEYDESK_WEBHOOKS_ALLOW_LOCAL=1.";

/**
 * Checks a URL without touching the network: the scheme, and the host when it is a literal address.
 * Used when an endpoint is saved; `resolveTarget` repeats the check on every delivery.
 */
export function urlProblem(raw: string, opts: { allowLocal?: boolean; checkAddressesLater?: boolean } = {}): string | null {
  const allowLocal = opts.allowLocal ?? env.webhooksAllowLocal;
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
    if (!(allowLocal && (local || later))) return allowLocal ? "Use https:// (http:// only to localhost)" : local ? `Use https://. ${LOCAL_HINT}` : "Use https://";
  } else if (url.protocol !== "https:") {
    return "Use https://";
  }
  if (local && !allowLocal) return `The URL must not point at this server. ${LOCAL_HINT}`;
  if (net.isIP(host)) return addressProblem(host, allowLocal);
  return null;
}

/** Resolves the URL's host and returns the one address to connect to; throws BlockedDestinationError. */
export async function resolveTarget(raw: string, opts: GuardOptions = {}): Promise<ResolvedTarget> {
  const allowLocal = opts.allowLocal ?? env.webhooksAllowLocal;
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
