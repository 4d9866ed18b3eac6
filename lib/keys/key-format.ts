// The key format (CONTRACT.md §2): kd_ + 32 random base62 + 6 base62 of CRC32(random part).
// The checksum lets a malformed key be refused before any look-up and lets secret scanners match.
import "server-only";
import crypto from "node:crypto";
import zlib from "node:zlib";
import { sha256 } from "@/lib/crypto/secret-box";

export const KEY_PREFIX = "kd_";
export const RANDOM_LENGTH = 32;
export const CHECKSUM_LENGTH = 6;
export const KEY_LENGTH = KEY_PREFIX.length + RANDOM_LENGTH + CHECKSUM_LENGTH; // 41

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const KEY_PATTERN = /^kd_[0-9A-Za-z]{38}$/;

/** Uniform base62 characters: bytes >= 248 (= 4 * 62) are rejected, so `% 62` has no bias. */
export function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    const bytes = crypto.randomBytes(Math.ceil((length - out.length) * 1.1) + 2);
    for (const b of bytes) {
      if (b < 248 && out.length < length) out += ALPHABET[b % 62];
    }
  }
  return out;
}

export function base62Checksum(randomPart: string): string {
  let n = zlib.crc32(randomPart) >>> 0;
  let out = "";
  for (let i = 0; i < CHECKSUM_LENGTH; i++) {
    out = ALPHABET[n % 62] + out;
    n = Math.floor(n / 62);
  }
  return out;
}

export function generateKey(): string {
  const random = randomBase62(RANDOM_LENGTH);
  return KEY_PREFIX + random + base62Checksum(random);
}

/** True when the string has the key's shape and its checksum matches. No I/O. */
export function isWellFormedKey(key: string): boolean {
  if (key.length !== KEY_LENGTH || !KEY_PATTERN.test(key)) return false;
  const random = key.slice(KEY_PREFIX.length, KEY_PREFIX.length + RANDOM_LENGTH);
  return key.slice(KEY_PREFIX.length + RANDOM_LENGTH) === base62Checksum(random);
}

export const hashKey = sha256;

/** What lists show: `kd_` + 4 random characters, and the last 4 characters. */
export function keyStartEnd(key: string): { start: string; end: string } {
  return { start: key.slice(0, KEY_PREFIX.length + 4), end: key.slice(-4) };
}

export function maskKey(start: string, end: string): string {
  return `${start}…${end}`;
}
