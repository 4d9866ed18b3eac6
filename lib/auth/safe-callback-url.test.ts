import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";

describe("safeCallbackUrl", () => {
  it.each([
    ["/settings/api", "/settings/api"],
    ["/settings/api/history?page=2", "/settings/api/history?page=2"],
    ["https://evil.example/", "/"],
    ["//evil.example/x", "/"],
    ["/\\evil.example", "/"],
    ["/ok\\path", "/"],
    ["javascript:alert(1)", "/"],
    ["/login?callbackUrl=/x", "/"],
    ["/api/v1/me", "/"],
    ["", "/"],
    [undefined, "/"],
    [42, "/"],
    // issue 11: tab, CR and LF are dropped by URL parsers, turning "/\t/host" into "//host"
    ["/\t/evil.example", "/"],
    ["/\r/evil.example", "/"],
    ["/\n/evil.example", "/"],
    [decodeURIComponent("%2F%09%2Fevil.example"), "/"],
    ["/%09/evil.example", "/%09/evil.example"],
    ["/\u0000x", "/"],
    ["/a/../settings/api", "/settings/api"],
    ["/%2e%2e/api/v1/me", "/"],
  ])("%s → %s", (input, expected) => {
    expect(safeCallbackUrl(input)).toBe(expected);
  });

  it("uses the given fallback", () => {
    expect(safeCallbackUrl("https://x", "/settings/api")).toBe("/settings/api");
  });
});
