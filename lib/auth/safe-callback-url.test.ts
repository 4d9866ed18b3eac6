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
  ])("%s → %s", (input, expected) => {
    expect(safeCallbackUrl(input)).toBe(expected);
  });

  it("uses the given fallback", () => {
    expect(safeCallbackUrl("https://x", "/settings/api")).toBe("/settings/api");
  });
});
