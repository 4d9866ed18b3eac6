// A real SMTP server (the smtp-server package) on 127.0.0.1 for the browser tests: every message it
// receives is written to <dir>/<time>.eml, where the specs read it.
//   node e2e/smtp-capture-server.mjs <port> <dir>
import fs from "node:fs";
import path from "node:path";
import { SMTPServer } from "smtp-server";

const [port = "3125", dir = "test-results/mail"] = process.argv.slice(2);
fs.mkdirSync(dir, { recursive: true });
let n = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, session, done) {
    const chunks = [];
    stream.on("data", (c) => chunks.push(c));
    stream.on("end", () => {
      const to = session.envelope.rcptTo.map((r) => r.address).join(",");
      const file = path.join(dir, `${Date.now()}-${++n}.eml`);
      fs.writeFileSync(file, `X-Envelope-To: ${to}\r\n` + Buffer.concat(chunks).toString("utf8"));
      done();
    });
  },
});
server.listen(Number(port), "127.0.0.1", () => console.log(`smtp capture on 127.0.0.1:${port}, writing ${dir}`));
