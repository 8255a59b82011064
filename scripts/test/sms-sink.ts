// A real SMS gateway for the browser tests: it takes the app's posts (SMS_PROVIDER=http) on a local
// port and writes each message as a JSON file into a folder, where a Playwright test reads the code a
// person would read on their phone. The app under test runs in production, where the outbox masks codes.
import { writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

export async function startSmsSink(options: { dir: string; token: string }) {
  let count = 0;
  const server = createServer((req, res) => {
    if (req.method !== "POST" || req.headers.authorization !== `Bearer ${options.token}`) {
      res.writeHead(401).end();
      return;
    }
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      const { to, text } = JSON.parse(body) as { to: string; text: string };
      count += 1;
      writeFileSync(path.join(options.dir, `${Date.now()}-${String(count).padStart(5, "0")}.json`), JSON.stringify({ to, text }));
      res.writeHead(200, { "Content-Type": "application/json" }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/send`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
