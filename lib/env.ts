// Environment (CONTRACT.md §9): every setting the app reads, validated by zod when this module loads
// so a bad value stops the process at start-up. Each is then read on use and parsed again only when
// its variable changed, so a test that points SMTP_URL at a capture server sees it at once. An empty
// variable counts as unset. KEYDESK_SECRET falls back to data/secret, created on first use with a
// warning, so the embedded default runs with no configuration at all.
import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { parseIpList } from "@/lib/net/ip";

/** SQLite `file:` paths are resolved against the working directory once, so every process agrees. */
function resolveDatabaseUrl(url: string): string {
  if (!url.startsWith("file:")) return url;
  const [file, query] = url.slice("file:".length).split("?");
  const abs = path.isAbsolute(file) ? file : path.resolve(file);
  return `file:${abs}${query ? `?${query}` : ""}`;
}

const schema = z.object({
  NODE_ENV: z.string().optional(),
  DATABASE_URL: z.string().default("file:./data/keydesk.db").transform(resolveDatabaseUrl),
  REDIS_URL: z.string().optional(),
  KEYDESK_SECRET: z.string().min(32, "KEYDESK_SECRET must be at least 32 characters").optional(),
  AUTH_SECRET: z.string().optional(),
  AUTH_URL: z.string().default("http://localhost:3000"),
  SMTP_URL: z.url("SMTP_URL must be a URL such as smtp://user:password@host:587").optional(),
  MAIL_FROM: z.string().default("Keydesk <keydesk@localhost>"),
  // unset: Next's own default (3000), and the server reaches itself through AUTH_URL
  PORT: z.coerce.number().int().positive().optional(),
  KEYDESK_DATA_DIR: z.string().default("data").transform((dir) => path.resolve(dir)),
  LOG_LEVEL: z.string().default("info"),
  // set by scripts/server.mjs, which then owns the graceful shutdown
  KEYDESK_SERVER: z.string().optional(),
  KEYDESK_WEBHOOK_WORKER: z.string().optional(),
  KEYDESK_WEBHOOKS_ALLOW_LOCAL: z.string().optional(),
  KEYDESK_OIDC_ISSUER: z.url("KEYDESK_OIDC_ISSUER must be the provider's URL").optional(),
  KEYDESK_OIDC_CLIENT_ID: z.string().optional(),
  KEYDESK_OIDC_CLIENT_SECRET: z.string().optional(),
  KEYDESK_OIDC_NAME: z.string().default("SSO"),
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

type Settings = z.output<typeof schema>;
type Name = keyof Settings;

const variable = (name: Name) => process.env[name] || undefined;
const invalid = (issues: readonly { path: PropertyKey[]; message: string }[], name?: Name) =>
  new Error(`Invalid environment: ${issues.map((i) => `${[name, ...i.path].filter((p) => p !== undefined).join(".")}: ${i.message}`).join("; ")}`);

const all = schema.safeParse(Object.fromEntries(Object.keys(schema.shape).map((name) => [name, variable(name as Name)])));
if (!all.success) throw invalid(all.error.issues);
const parsed = new Map<Name, { from: string | undefined; value: unknown }>(
  Object.entries(all.data).map(([name, value]) => [name as Name, { from: variable(name as Name), value }]),
);

/** One setting, parsed again only when its variable changed since it was last read. */
function setting<K extends Name>(name: K): Settings[K] {
  const from = variable(name);
  const hit = parsed.get(name);
  if (hit && hit.from === from) return hit.value as Settings[K];
  const r = schema.shape[name].safeParse(from);
  if (!r.success) throw invalid(r.error.issues, name);
  parsed.set(name, { from, value: r.data });
  return r.data as Settings[K];
}

function loadSecret(dataDir: string): string {
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

let fileSecret: string | undefined;

export const env = {
  get databaseUrl() {
    return setting("DATABASE_URL");
  },
  get provider(): "sqlite" | "postgresql" {
    return this.databaseUrl.startsWith("file:") ? "sqlite" : "postgresql";
  },
  get redisUrl() {
    return setting("REDIS_URL");
  },
  get dataDir() {
    return setting("KEYDESK_DATA_DIR");
  },
  get keydeskSecret(): string {
    return setting("KEYDESK_SECRET") ?? (fileSecret ??= loadSecret(this.dataDir));
  },
  /** next-auth's secret: AUTH_SECRET, else derived from KEYDESK_SECRET (never the same bytes). */
  get authSecret(): string {
    return setting("AUTH_SECRET") ?? crypto.createHmac("sha256", this.keydeskSecret).update("keydesk:auth-secret").digest("base64url");
  },
  /** The public address: links in mail, the sign-in URL, and whether cookies are Secure. */
  get authUrl() {
    return setting("AUTH_URL");
  },
  get secureCookies() {
    return this.authUrl.startsWith("https://");
  },
  /** Where this server reaches itself: straight to its port when it knows it, else its public address. */
  get selfUrl() {
    const port = setting("PORT");
    return port ? `http://127.0.0.1:${port}` : this.authUrl;
  },
  /** Unset: mail is written to data/outbox instead (lib/mail/send-mail.ts). */
  get smtpUrl() {
    return setting("SMTP_URL");
  },
  get mailFrom() {
    return setting("MAIL_FROM");
  },
  get logLevel() {
    return setting("LOG_LEVEL");
  },
  get isProduction() {
    return setting("NODE_ENV") === "production";
  },
  get isDevelopment() {
    return setting("NODE_ENV") === "development";
  },
  get isTest() {
    return setting("NODE_ENV") === "test";
  },
  /** Started by scripts/server.mjs, which closes the listener and then calls our shutdown itself. */
  get ownsShutdown() {
    return setting("KEYDESK_SERVER") === undefined;
  },
  /** Proxies whose X-Forwarded-For entries are skipped when finding the client (lib/net/client-ip.ts). */
  get trustedProxies() {
    return setting("KEYDESK_TRUSTED_PROXIES");
  },
  /** KEYDESK_WEBHOOK_WORKER=0 turns off webhook delivery in this process (housekeeping still runs). */
  get webhookWorker() {
    return setting("KEYDESK_WEBHOOK_WORKER") !== "0";
  },
  /** http:// webhooks to this machine: in development and tests, or with KEYDESK_WEBHOOKS_ALLOW_LOCAL=1 (our end-to-end runs). */
  get webhooksAllowLocal() {
    return this.isDevelopment || this.isTest || setting("KEYDESK_WEBHOOKS_ALLOW_LOCAL") === "1";
  },
  /** Sign-in with an OpenID Connect provider, when its issuer, client id and secret are all set. */
  get oidc() {
    const issuer = setting("KEYDESK_OIDC_ISSUER");
    const clientId = setting("KEYDESK_OIDC_CLIENT_ID");
    const clientSecret = setting("KEYDESK_OIDC_CLIENT_SECRET");
    return issuer && clientId && clientSecret ? { issuer, clientId, clientSecret, name: setting("KEYDESK_OIDC_NAME") } : null;
  },
  /** How long a request waits for Redis to connect before counting in memory (limits stay exact meanwhile). */
  get rateLimitConnectWaitMs() {
    return setting("KEYDESK_RATE_LIMIT_CONNECT_WAIT_MS");
  },
  /** A file in the form GitHub publishes its secret-scanning keys; else they are fetched from the URL. */
  get githubScanningKeysFile() {
    return setting("KEYDESK_GITHUB_SCANNING_KEYS");
  },
  get githubScanningKeysUrl() {
    return setting("KEYDESK_GITHUB_SCANNING_KEYS_URL");
  },
};
