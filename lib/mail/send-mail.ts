// Outgoing mail through nodemailer: real SMTP when SMTP_URL is set; otherwise each message is
// written to data/outbox/<time>-<id>.eml and its subject and recipient are logged, so the embedded
// default works without a mail server.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

export type Mail = { to: string; subject: string; text: string; html: string; fromName?: string };

let transport: Transporter | null = null;

function smtpTransport(url: string): Transporter {
  const u = new URL(url);
  const local = ["127.0.0.1", "localhost", "::1"].includes(u.hostname);
  // A local test server speaks plain SMTP; anything else must be TLS (smtps:) or STARTTLS.
  return nodemailer.createTransport(url, local ? { secure: u.protocol === "smtps:", ignoreTLS: true } : {});
}

export function outboxDir() {
  return path.join(env.dataDir, "outbox");
}

function fromHeader(name?: string) {
  const m = /^(?:"?([^"<]*)"?\s*)?<([^>]+)>$/.exec(env.mailFrom.trim());
  const address = m ? m[2]! : env.mailFrom.trim();
  return { name: name ?? (m?.[1]?.trim() || "Keydesk"), address };
}

/** Sends one message; resolves with where it went, throws when the server refused it. */
export async function sendMail(mail: Mail): Promise<{ via: "smtp" | "outbox"; messageId: string; file?: string }> {
  const message = { from: fromHeader(mail.fromName), to: mail.to, subject: mail.subject, text: mail.text, html: mail.html };
  if (env.smtpUrl) {
    transport ??= smtpTransport(env.smtpUrl);
    const info = await transport.sendMail(message);
    log.info({ to: mail.to, subject: mail.subject, messageId: info.messageId }, "mail sent");
    return { via: "smtp", messageId: info.messageId };
  }
  const stream = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  const info = await stream.sendMail(message);
  // the messages hold live claim and invitation links: only Keydesk's own user may read them
  fs.mkdirSync(outboxDir(), { recursive: true, mode: 0o700 });
  const file = path.join(outboxDir(), `${new Date().toISOString().replace(/[:.]/g, "-")}-${info.messageId.replace(/[^\w.-]/g, "")}.eml`);
  fs.writeFileSync(file, info.message as Buffer, { mode: 0o600 });
  fs.chmodSync(file, 0o600); // writeFileSync keeps the mode of a file that already existed
  log.info({ to: mail.to, subject: mail.subject, file }, "mail written to the outbox (SMTP_URL is not set)");
  return { via: "outbox", messageId: info.messageId, file };
}

/** For tests that switch SMTP_URL between cases. */
/** No SMTP server is set: mails are written to data/outbox/ (what the dashboard then says). */
export function mailGoesToOutbox(): boolean {
  return !env.smtpUrl;
}

export function resetMailTransport() {
  transport = null;
}

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
