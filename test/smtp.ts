// A real SMTP server on 127.0.0.1 (the smtp-server package) that keeps what it receives.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll } from "vitest";
import { resetMailTransport } from "@/lib/mail/send-mail";

export type Captured = { from: string; to: string[]; raw: string };

export async function startSmtp() {
  const messages: Captured[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        messages.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, port, messages, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** The text of a quoted-printable/plain message, with soft line breaks undone. */
export function decodeBody(raw: string): string {
  return raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Points SMTP_URL at a capture server for the whole test file; returns a handle filled in beforeAll. */
export function useSmtpCapture() {
  const handle = { messages: [] as Captured[], url: "" };
  let server: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => {
    server = await startSmtp();
    handle.messages = server.messages;
    handle.url = server.url;
    process.env.SMTP_URL = server.url;
    resetMailTransport();
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    resetMailTransport();
    await server.close();
  });
  return handle;
}
