import { describe, expect, it } from "vitest";
import { compileAllowlist, ipAllowed, normalizeIpEntry } from "@/lib/keys/ip-allowlist";

describe("IP allowlists", () => {
  it.each([
    ["203.0.113.5", "203.0.113.5"],
    [" 203.0.113.5/32 ", "203.0.113.5"],
    ["10.0.0.7/24", "10.0.0.0/24"],
    ["::ffff:192.0.2.1", "192.0.2.1"],
    ["::ffff:192.0.2.0/120", "192.0.2.0/24"],
    ["2001:DB8::1", "2001:db8::1"],
    ["2001:db8::1/32", "2001:db8::/32"],
    ["0.0.0.0/0", "0.0.0.0/0"],
  ])("normalises %s to %s", (input, out) => expect(normalizeIpEntry(input)).toBe(out));

  it.each(["", "localhost", "10.1", "300.1.1.1", "10.0.0.0/33", "2001:db8::/129", "1.2.3.4/x"])("refuses %j", (input) => {
    expect(normalizeIpEntry(input)).toBeNull();
  });

  it("matches addresses of the same family inside a range, mapped IPv6 as IPv4", () => {
    const ranges = compileAllowlist(["10.0.0.0/24", "2001:db8::/32", "198.51.100.7"]);
    expect(ipAllowed("10.0.0.200", ranges)).toBe(true);
    expect(ipAllowed("::ffff:10.0.0.9", ranges)).toBe(true);
    expect(ipAllowed("10.0.1.1", ranges)).toBe(false);
    expect(ipAllowed("2001:db8:1::5", ranges)).toBe(true);
    expect(ipAllowed("198.51.100.7", ranges)).toBe(true);
    expect(ipAllowed("198.51.100.8", ranges)).toBe(false);
    expect(ipAllowed(null, ranges)).toBe(false);
    expect(ipAllowed("garbage", ranges)).toBe(false);
  });
});
