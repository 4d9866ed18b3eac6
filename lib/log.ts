// Structured logs. Secrets never reach a log line: known carriers are redacted by path.
import "server-only";
import pino from "pino";
import { env } from "@/lib/env";

export const log = pino({
  level: env.isTest ? "silent" : env.logLevel,
  base: { service: "keydesk" },
  redact: { paths: ["key", "secret", "password", "*.key", "*.secret", "*.password", "headers.authorization", "headers['x-api-key']"], censor: "[redacted]" },
});
