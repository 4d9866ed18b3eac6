// Reads what the SMTP capture server (e2e/smtp-capture-server.mjs) received.
import fs from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";

export const mailDir = () => path.join(process.env.KEYDESK_E2E_DIR!, "mail");

export function decodeQuotedPrintable(raw: string) {
  return raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** The messages to an address, oldest first, decoded. */
export function messagesTo(address: string): string[] {
  if (!fs.existsSync(mailDir())) return [];
  return fs
    .readdirSync(mailDir())
    .sort((a, b) => parseInt(a) - parseInt(b) || a.localeCompare(b))
    .map((f) => fs.readFileSync(path.join(mailDir(), f), "utf8"))
    .filter((m) => m.split("\r\n")[0]!.includes(address.toLowerCase()))
    .map(decodeQuotedPrintable);
}

export async function waitForMessages(address: string, count: number): Promise<string[]> {
  await expect.poll(() => messagesTo(address).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(count);
  return messagesTo(address);
}

/** The one link of a kind in a message, as a path (e.g. /claim/abc). */
export function onlyLink(message: string, kind: "claim" | "invite"): string {
  const links = [...new Set(message.match(new RegExp(`https?://[^\\s"<>]+/${kind}/[\\w-]+`, "g")) ?? [])];
  expect(links).toHaveLength(1);
  return new URL(links[0]!).pathname;
}
