// A fresh secret row: the hash, the visible start/end, and the ciphertext unless reveal is off.
import "server-only";
import { seal } from "@/lib/crypto/secret-box";
import { generateKey, hashKey, keyStartEnd } from "@/lib/keys/key-format";
import { dropFromCache } from "@/lib/keys/key-cache";

export function newSecret(revealable: boolean, expiresAt: Date | null = null) {
  const key = generateKey();
  const hash = hashKey(key);
  dropFromCache.hash(hash); // 256 random bits cannot have been tried, but never trust that
  return {
    key,
    data: { hash, ...keyStartEnd(key), ciphertext: revealable ? seal(key, hash) : null, expiresAt },
  };
}
