// GitHub's secret-scanning verification keys, in the form GitHub publishes them
// ({"public_keys": [{"key_identifier", "key" (PEM), "is_current"}]}): from the file named by
// KEYDESK_GITHUB_SCANNING_KEYS, else fetched from GitHub's meta endpoint and kept an hour. A key
// identifier we do not know triggers one early refetch (GitHub rotates its keys).
import "server-only";
import crypto from "node:crypto";
import fs from "node:fs/promises";
import { z } from "zod";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/problem";

const keysFileSchema = z.object({
  public_keys: z.array(z.object({ key_identifier: z.string(), key: z.string(), is_current: z.boolean().optional() })),
});

type Keys = Map<string, crypto.KeyObject>;
const TTL_MS = 3600_000;
const MIN_REFETCH_MS = 60_000;
let cached: { at: number; keys: Keys } | null = null;

function parseKeys(text: string): Keys {
  const parsed = keysFileSchema.parse(JSON.parse(text));
  return new Map(parsed.public_keys.map((k) => [k.key_identifier, crypto.createPublicKey(k.key)]));
}

async function load(): Promise<Keys> {
  try {
    if (env.githubScanningKeysFile) return parseKeys(await fs.readFile(env.githubScanningKeysFile, "utf8"));
    const res = await fetch(env.githubScanningKeysUrl, { signal: AbortSignal.timeout(5000), headers: { accept: "application/json" } });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return parseKeys(await res.text());
  } catch (e) {
    throw new ApiError("service_unavailable", `GitHub's secret-scanning keys could not be loaded (${(e as Error).message}); nothing was changed. GitHub retries.`);
  }
}

export async function githubScanningKey(identifier: string, now = Date.now()): Promise<crypto.KeyObject | null> {
  if (!cached || now - cached.at > TTL_MS) cached = { at: now, keys: await load() };
  let key = cached.keys.get(identifier);
  if (!key && now - cached.at > MIN_REFETCH_MS) {
    cached = { at: now, keys: await load() };
    key = cached.keys.get(identifier);
  }
  return key ?? null;
}

/** Tests point the loader at another file or URL. */
export function forgetGithubScanningKeys() {
  cached = null;
}
