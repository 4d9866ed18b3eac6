import { describe, expect, it } from "vitest";
import { base62Checksum, generateKey, hashKey, isWellFormedKey, KEY_LENGTH, keyStartEnd, randomBase62 } from "@/lib/keys/key-format";

describe("key format", () => {
  it("is kd_ + 32 random + 6 checksum characters, 41 in all", () => {
    const key = generateKey();
    expect(key).toMatch(/^kd_[0-9A-Za-z]{38}$/);
    expect(key).toHaveLength(KEY_LENGTH);
    expect(KEY_LENGTH).toBe(41);
    expect(key.slice(35)).toBe(base62Checksum(key.slice(3, 35)));
  });

  it("accepts its own keys and refuses a changed character, a wrong length or prefix", () => {
    const key = generateKey();
    expect(isWellFormedKey(key)).toBe(true);
    const flipped = key.slice(0, 10) + (key[10] === "a" ? "b" : "a") + key.slice(11);
    expect(isWellFormedKey(flipped)).toBe(false);
    expect(isWellFormedKey(key.slice(0, 40))).toBe(false);
    expect(isWellFormedKey("sk" + key.slice(2))).toBe(false);
    expect(isWellFormedKey("")).toBe(false);
  });

  it("draws base62 characters without modulo bias (every character, roughly equally often)", () => {
    const counts = new Map<string, number>();
    const text = randomBase62(62 * 400);
    for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(62);
    // expected 400 each; a biased sampler over-weights the first 8 characters by ~25%
    for (const n of counts.values()) expect(n).toBeGreaterThan(280);
    for (const n of counts.values()) expect(n).toBeLessThan(540);
  });

  it("hashes with SHA-256 and shows kd_ + 4 characters … last 4", () => {
    const key = generateKey();
    expect(hashKey(key)).toMatch(/^[0-9a-f]{64}$/);
    expect(keyStartEnd(key)).toEqual({ start: key.slice(0, 7), end: key.slice(-4) });
  });

  it("pads the checksum to 6 characters", () => {
    expect(base62Checksum("")).toHaveLength(6);
    expect(base62Checksum("")).toBe("000000");
  });
});
