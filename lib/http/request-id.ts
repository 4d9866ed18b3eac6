import crypto from "node:crypto";

/** The caller's X-Request-Id when it is sane, else a new one. */
export function requestIdFor(req: Request): string {
  const given = req.headers.get("x-request-id");
  if (given && /^[\w.:-]{8,128}$/.test(given)) return given;
  return `req_${randomChunk().toString("base64url")}`;
}

// 12 random bytes per id, cut from a pool filled 4 KiB at a time: one getrandom call per 341
// requests rather than one each (a system call costs more than the rest of an id).
const POOL_BYTES = 12 * 341;
let pool = Buffer.alloc(0);
let offset = POOL_BYTES;
function randomChunk(): Buffer {
  if (offset + 12 > pool.length) {
    pool = crypto.randomBytes(POOL_BYTES);
    offset = 0;
  }
  offset += 12;
  return pool.subarray(offset - 12, offset);
}
