// A real SMTP server for tests: it accepts mail on a local port and keeps each message, parsed. It can
// refuse the first N messages to exercise retries. With `dir`, each message is also written there as a
// JSON file, so that another process (a Playwright test) can read what arrived.
import { writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";

import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { to: string; subject: string; text: string; html: string };

export async function startSmtpSink(options: { refuseFirst?: number; dir?: string } = {}) {
  const messages: ReceivedMail[] = [];
  let refusals = options.refuseFirst ?? 0;
  let attempts = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      attempts += 1;
      if (refusals > 0) {
        refusals -= 1;
        stream.resume();
        stream.on("end", () => callback(Object.assign(new Error("Temporary failure, try later"), { responseCode: 451 })));
        return;
      }
      simpleParser(stream)
        .then((mail) => {
          const received: ReceivedMail = {
            to: session.envelope.rcptTo.map((r) => r.address).join(","),
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : "",
          };
          messages.push(received);
          if (options.dir) writeFileSync(path.join(options.dir, `${Date.now()}-${messages.length}.json`), JSON.stringify(received));
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    attempts: () => attempts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
