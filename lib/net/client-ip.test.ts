// Issue 11: the client's IP cannot be chosen by the caller; trusted proxies are skipped from the right.
import { describe, expect, it } from "vitest";
import { clientIp } from "@/lib/net/client-ip";
import { normalizeIp, parseIpList } from "@/lib/net/ip";

const h = (xff?: string, extra: Record<string, string> = {}) => new Headers({ ...(xff === undefined ? {} : { "x-forwarded-for": xff }), ...extra });

describe("clientIp", () => {
  const none = parseIpList("");
  const proxies = parseIpList("127.0.0.1, ::1, 10.0.0.0/8");

  it.each([
    // [X-Forwarded-For, trusted, expected]
    ["198.51.100.7", none, "198.51.100.7"],
    // without trusted proxies the right-most entry (the socket peer our server appends) wins: a forged left entry is ignored
    ["6.6.6.6, 198.51.100.7", none, "198.51.100.7"],
    ["6.6.6.6, 203.0.113.9, 127.0.0.1", none, "127.0.0.1"],
    // trusted hops are skipped from the right
    ["203.0.113.9, 10.1.2.3, 127.0.0.1", proxies, "203.0.113.9"],
    ["6.6.6.6, 203.0.113.9, 10.1.2.3, 127.0.0.1", proxies, "203.0.113.9"],
    // IPv4-mapped IPv6 is IPv4, for matching and in the answer
    ["::ffff:127.0.0.1", none, "127.0.0.1"],
    ["203.0.113.9, ::ffff:10.0.0.5, ::ffff:127.0.0.1", proxies, "203.0.113.9"],
    ["2001:DB8:0:0:0:0:0:1, ::1", proxies, "2001:db8::1"],
    // an invalid entry stops the walk: the last valid hop seen is the answer
    ["203.0.113.9, garbage, 10.1.2.3, 127.0.0.1", proxies, "10.1.2.3"],
    ["garbage", none, null],
    ["1.2.3.4:5678", none, null],
    ["127.1", none, null],
    // every hop trusted: the left-most one
    ["10.0.0.1, 127.0.0.1", proxies, "10.0.0.1"],
  ] as const)("%s → %s", (xff, trusted, expected) => {
    expect(clientIp(h(xff), trusted)).toBe(expected);
  });

  it("ignores X-Real-IP and answers null without X-Forwarded-For", () => {
    expect(clientIp(h(undefined, { "x-real-ip": "6.6.6.6" }), none)).toBeNull();
    expect(clientIp(h("198.51.100.7", { "x-real-ip": "6.6.6.6" }), none)).toBe("198.51.100.7");
  });

  it("uses KEYDESK_TRUSTED_PROXIES by default (none in tests): the right-most hop", () => {
    expect(clientIp(h("6.6.6.6, 198.51.100.7"))).toBe("198.51.100.7");
  });
});

describe("parseIpList / normalizeIp", () => {
  it("parses addresses and CIDRs, separated by commas or spaces, and refuses typos by name", () => {
    expect(parseIpList("10.0.0.0/8, 192.168.1.1 2001:db8::/32").map(([ip, bits]) => `${ip.toString()}/${bits}`)).toEqual(["10.0.0.0/8", "192.168.1.1/32", "2001:db8::/32"]);
    expect(parseIpList(["::ffff:10.0.0.0/104"]).map(([ip, bits]) => `${ip.toString()}/${bits}`)).toEqual(["10.0.0.0/8"]);
    expect(parseIpList("")).toEqual([]);
    expect(() => parseIpList("10.0.0.0/8, 10.0.0.300")).toThrow('"10.0.0.300" is not an IP address or CIDR range');
    expect(() => parseIpList("10.0.0.0/33")).toThrow(/10\.0\.0\.0\/33/);
    expect(() => parseIpList("example.com")).toThrow(/example\.com/);
  });

  it("normalises", () => {
    expect(normalizeIp(" ::ffff:127.0.0.1 ")).toBe("127.0.0.1");
    expect(normalizeIp("2001:0db8::0001")).toBe("2001:db8::1");
    expect(normalizeIp("0x7f.1")).toBeNull();
  });
});
