import { describe, expect, it } from "vitest";
import { open, seal } from "@/lib/crypto/secret-box";

describe("secret box (AES-256-GCM under HKDF(KEYDESK_SECRET))", () => {
  it("round-trips and tags the version", () => {
    const sealed = seal("kd_secret", "aad-1");
    expect(sealed.startsWith("v1.")).toBe(true);
    expect(sealed).not.toContain("kd_secret");
    expect(open(sealed, "aad-1")).toBe("kd_secret");
  });
  it("refuses another row's AAD and a tampered ciphertext", () => {
    const sealed = seal("kd_secret", "aad-1");
    expect(() => open(sealed, "aad-2")).toThrow();
    const parts = sealed.split(".");
    const ct = Buffer.from(parts[2]!, "base64url");
    ct[0] ^= 1;
    expect(() => open(`${parts[0]}.${parts[1]}.${ct.toString("base64url")}`, "aad-1")).toThrow();
  });
  it("uses a fresh IV each time", () => {
    expect(seal("x", "a")).not.toBe(seal("x", "a"));
  });
});
