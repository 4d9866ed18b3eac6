// AES-256-GCM for revealable secrets, under a key derived from KEYDESK_SECRET by HKDF.
// The version tag ("v1") names the derivation, so the server secret can be rotated later:
// a new version decrypts old rows with the old secret and re-encrypts.
import "server-only";
import crypto from "node:crypto";
import { env } from "@/lib/env";

const VERSION = "v1";
const keys = new Map<string, Buffer>();

function derivedKey(purpose: string): Buffer {
  let k = keys.get(purpose);
  if (!k) {
    k = Buffer.from(crypto.hkdfSync("sha256", env.keydeskSecret, "keydesk", `keydesk:${purpose}:${VERSION}`, 32));
    keys.set(purpose, k);
  }
  return k;
}

/** `aad` binds the ciphertext to its row (e.g. the key's hash): a ciphertext copied elsewhere fails. */
export function seal(plaintext: string, aad: string, purpose = "key-reveal"): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", derivedKey(purpose), iv);
  cipher.setAAD(Buffer.from(aad));
  const ct = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `${VERSION}.${iv.toString("base64url")}.${ct.toString("base64url")}`;
}

export function open(sealed: string, aad: string, purpose = "key-reveal"): string {
  const [version, ivText, ctText] = sealed.split(".");
  if (version !== VERSION || !ivText || !ctText) throw new Error(`unsupported ciphertext version ${version}`);
  const data = Buffer.from(ctText, "base64url");
  const decipher = crypto.createDecipheriv("aes-256-gcm", derivedKey(purpose), Buffer.from(ivText, "base64url"));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(data.subarray(data.length - 16));
  return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString("utf8");
}

/** Tokens (claim links, desk tokens, invitations): random, stored as SHA-256. */
export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString("base64url");
}
export function sha256(text: string): string {
  return crypto.createHash("sha256").update(text).digest("hex");
}
