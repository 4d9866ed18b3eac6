// Environment, parsed once (CONTRACT.md §9). KEYDESK_SECRET falls back to data/secret, created on
// first use with a warning, so the embedded default runs with no configuration at all.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { parseIpList } from "@/lib/net/ip";

const schema = z.object({
  DATABASE_URL: z.string().default("file:./data/keydesk.db"),
  REDIS_URL: z.string().optional(),
  KEYDESK_SECRET: z.string().min(32, "KEYDESK_SECRET must be at least 32 characters").optional(),
  AUTH_SECRET: z.string().optional(),
  AUTH_URL: z.string().default("http://localhost:3000"),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Keydesk <keydesk@localhost>"),
  PORT: z.coerce.number().int().positive().default(3000),
  KEYDESK_DATA_DIR: z.string().default("data"),
  LOG_LEVEL: z.string().default("info"),
  KEYDESK_WEBHOOK_WORKER: z.string().optional(),
  KEYDESK_GITHUB_SCANNING_KEYS: z.string().optional(),
  KEYDESK_GITHUB_SCANNING_KEYS_URL: z.string().default("https://api.github.com/meta/public_keys/secret_scanning"),
  KEYDESK_RATE_LIMIT_CONNECT_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(2000),
  // comma-separated IPs or CIDRs of the reverse proxies in front of Keydesk (default none)
  KEYDESK_TRUSTED_PROXIES: z.string().default("").transform((v, ctx) => {
    try {
      return parseIpList(v);
    } catch (e) {
      ctx.addIssue({ code: "custom", message: (e as Error).message });
      return z.NEVER;
    }
  }),
});

const parsed = schema.safeParse({ ...process.env, REDIS_URL: process.env.REDIS_URL || undefined });
if (!parsed.success) {
  throw new Error(`Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
}
const raw = parsed.data;

export const dataDir = path.resolve(raw.KEYDESK_DATA_DIR);

/** SQLite `file:` paths are resolved against the working directory once, so every process agrees. */
export function resolveDatabaseUrl(url: string): string {
  if (!url.startsWith("file:")) return url;
  const [file, query] = url.slice("file:".length).split("?");
  const abs = path.isAbsolute(file) ? file : path.resolve(file);
  return `file:${abs}${query ? `?${query}` : ""}`;
}

function loadSecret(): string {
  if (raw.KEYDESK_SECRET) return raw.KEYDESK_SECRET;
  const file = path.join(dataDir, "secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = crypto.randomBytes(32).toString("base64url");
  try {
    fs.writeFileSync(file, secret + "\n", { mode: 0o600, flag: "wx" });
    console.warn(`[keydesk] KEYDESK_SECRET is not set: generated one into ${file}. Set KEYDESK_SECRET in production.`);
    return secret;
  } catch {
    // another process created it first
    return fs.readFileSync(file, "utf8").trim();
  }
}

let secret: string | undefined;

export const env = {
  databaseUrl: resolveDatabaseUrl(raw.DATABASE_URL),
  get provider(): "sqlite" | "postgresql" {
    return this.databaseUrl.startsWith("file:") ? "sqlite" : "postgresql";
  },
  redisUrl: raw.REDIS_URL,
  get keydeskSecret(): string {
    return (secret ??= loadSecret());
  },
  /** next-auth's secret: AUTH_SECRET, else derived from KEYDESK_SECRET (never the same bytes). */
  get authSecret(): string {
    return raw.AUTH_SECRET ?? crypto.createHmac("sha256", this.keydeskSecret).update("keydesk:auth-secret").digest("base64url");
  },
  authUrl: raw.AUTH_URL,
  smtpUrl: raw.SMTP_URL,
  mailFrom: raw.MAIL_FROM,
  port: raw.PORT,
  logLevel: raw.LOG_LEVEL,
  /** Proxies whose X-Forwarded-For entries are skipped when finding the client (lib/net/client-ip.ts). */
  trustedProxies: raw.KEYDESK_TRUSTED_PROXIES,
  isProduction: process.env.NODE_ENV === "production",
  /** KEYDESK_WEBHOOK_WORKER=0 turns off webhook delivery in this process (housekeeping still runs). */
  webhookWorker: raw.KEYDESK_WEBHOOK_WORKER !== "0",
  /** How long a request waits for Redis to connect before counting in memory (limits stay exact meanwhile). */
  rateLimitConnectWaitMs: raw.KEYDESK_RATE_LIMIT_CONNECT_WAIT_MS,
  /** A file in the form GitHub publishes its secret-scanning keys; else they are fetched from the URL. */
  githubScanningKeysFile: raw.KEYDESK_GITHUB_SCANNING_KEYS,
  githubScanningKeysUrl: raw.KEYDESK_GITHUB_SCANNING_KEYS_URL,
};
