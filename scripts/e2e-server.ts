// The server under test for Playwright: a fresh database (on DATABASE_URL's server, or an embedded
// one), migrated and seeded small, then the production build served by `next start`. The database
// is dropped when Playwright stops the server.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { createTestDatabase } from "./db/test-database";

const root = path.resolve(import.meta.dirname, "..");
const port = process.env.E2E_PORT ?? "3210";

const database = await createTestDatabase("danban_e2e");
process.env.DATABASE_URL = database.url;
const { db } = await import("@/lib/db");
const { seed } = await import("../prisma/seed/seed");
await seed(db, { households: 300 });
await db.$disconnect();
console.log(`[e2e] database ${database.name} ready`);
// Uploads of this run go to a folder of their own, so that tests can check what was (not) stored.
const storageDir = mkdtempSync(path.join(os.tmpdir(), "danban_e2e_storage_"));
// With E2E_SMTP_SINK=1 a local SMTP sink receives the app's mail and writes each message as a JSON file
// into a folder of its own (its path in test-results/e2e-mail-dir); digests then go out every minute.
const mailDir = process.env.E2E_SMTP_SINK === "1" ? mkdtempSync(path.join(os.tmpdir(), "danban_e2e_mail_")) : null;
const sink = mailDir ? await (await import("./test/smtp-sink")).startSmtpSink({ dir: mailDir }) : null;

// Text messages go to a local SMS gateway (SMS_PROVIDER=http), which writes each as a JSON file into a
// folder of its own (its path in test-results/e2e-sms-dir): in production the outbox masks the codes,
// so tests read them where a person would, on the "phone".
const smsDir = mkdtempSync(path.join(os.tmpdir(), "danban_e2e_sms_"));
const smsToken = "e2e-sms-token";
const sms = await (await import("./test/sms-sink")).startSmsSink({ dir: smsDir, token: smsToken });

// Bound to 127.0.0.1 explicitly, as a deployment behind a reverse proxy runs it: the locale rewrite
// must stay internal on any bind address (next.config.ts, skipProxyUrlNormalize).
const child = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", port], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    DATABASE_URL: database.url,
    E2E_DATABASE_URL: database.url,
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "e2e-only-secret-not-for-production-0123456789",
    NEXT_TELEMETRY_DISABLED: "1",
    STORAGE_DRIVER: "disk",
    STORAGE_DIR: storageDir,
    SMS_PROVIDER: "http",
    SMS_HTTP_URL: sms.url,
    SMS_HTTP_TOKEN: smsToken,
    ...(sink ? { SMTP_URL: sink.url, DIGEST_CRON: "* * * * *" } : {}),
  },
});

// Tell the test process where the database is (Playwright's workers read it from this file).
const { writeFileSync, mkdirSync } = await import("node:fs");
mkdirSync(path.join(root, "test-results"), { recursive: true });
writeFileSync(path.join(root, "test-results/e2e-database-url"), database.url);
writeFileSync(path.join(root, "test-results/e2e-storage-dir"), storageDir);
writeFileSync(path.join(root, "test-results/e2e-sms-dir"), smsDir);
if (mailDir) writeFileSync(path.join(root, "test-results/e2e-mail-dir"), mailDir);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  child.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 500));
  rmSync(storageDir, { recursive: true, force: true });
  rmSync(smsDir, { recursive: true, force: true });
  if (mailDir) rmSync(mailDir, { recursive: true, force: true });
  await sink?.close().catch(() => {});
  await sms.close().catch(() => {});
  await database.drop().catch(() => {});
  process.exit(0);
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
child.on("exit", (code) => {
  if (!stopping) {
    console.error(`[e2e] next start exited with ${code}`);
    rmSync(storageDir, { recursive: true, force: true });
    rmSync(smsDir, { recursive: true, force: true });
    if (mailDir) rmSync(mailDir, { recursive: true, force: true });
    void sink?.close();
    void sms.close();
    void database.drop().finally(() => process.exit(code ?? 1));
  }
});
