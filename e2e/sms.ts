// The text messages of the run, as the phone receives them: the e2e server's SMS gateway writes each
// into a folder (scripts/test/sms-sink.ts). The app's own copy masks codes, as in production.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

/** The six-digit code of the newest message to a phone typed as 09…; waits a little for it to arrive. */
export async function readSmsCode(phone: string): Promise<string> {
  const to = `+84${phone.slice(1)}`;
  const dir = readFileSync("test-results/e2e-sms-dir", "utf8").trim();
  for (let tries = 0; tries < 50; tries += 1) {
    const texts = readdirSync(dir)
      .sort()
      .map((f) => JSON.parse(readFileSync(path.join(dir, f), "utf8")) as { to: string; text: string })
      .filter((m) => m.to === to);
    const code = texts.length ? /(\d{6})/.exec(texts.at(-1)!.text)?.[1] : undefined;
    if (code) return code;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no text message with a code reached ${to}`);
}
