// Backup and restore as the README documents them: `pg_dump -Fc` of a seeded database with some
// activity on it, `pg_restore` into a fresh database, and the restored copy must be the same — every
// table's row count, every audit chain verifying, the chain heads (/api/audit/head, what a citizen
// writes down) equal — and the app must run on it.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type App, appPort, Client, startApp } from "./support/app";
import { hasPostgresBinaries, pgTool } from "./support/cluster";
import { createDatabase, noServer, rowCounts, seedDatabase, serverUrl, sql, type Database, verifyAudit } from "./support/data";
import { assistedTargets, enterAssisted } from "./support/targets";

const run = promisify(execFile);

/** The published head once the app's sealer has chained every event written so far (it runs every 250 ms). */
async function settledHead(appUrl: string, databaseUrl: string, query: string): Promise<unknown> {
  for (let i = 0; i < 100; i++) {
    const [waiting] = await sql<{ n: number }>(databaseUrl, `SELECT count(*)::int AS n FROM "AuditEvent" WHERE "hash" IS NULL`);
    if (waiting!.n === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return (await fetch(`${appUrl}/api/audit/head${query}`)).json();
}

describe.skipIf(noServer || !hasPostgresBinaries())("backup with pg_dump and restore with pg_restore", () => {
  let source: Database;
  let restored: Database | undefined;
  let app: App | undefined;
  const dir = mkdtempSync(path.join(os.tmpdir(), "danban_backup_"));

  beforeAll(async () => {
    source = await createDatabase(serverUrl(), "danban_rel_backup");
    await seedDatabase(source.url, 150);
  }, 240_000);

  afterAll(async () => {
    await app?.kill();
    await source?.drop();
    await restored?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("restores a copy with the same rows and the same audit chain", async () => {
    // Some activity through the app first, so that the dump holds more than the seed.
    app = await startApp({ port: appPort(2), databaseUrl: source.url });
    const staff = new Client(app.url);
    await staff.signIn("canbo@thientin.danban.local");
    const targets = await assistedTargets(source.url);
    for (const residentId of targets.residentIds.slice(0, 5)) {
      expect((await enterAssisted(staff, targets, residentId)).result?.data).toBeTruthy();
    }
    const headBefore = await settledHead(app.url, source.url, "?commune=thien-tin");
    const platformBefore = await settledHead(app.url, source.url, "");
    await app.stop();
    app = undefined;

    // The commands of the README, with the same flags.
    const dump = path.join(dir, "danban.dump");
    await run(pgTool("pg_dump"), ["-Fc", "--no-owner", "-f", dump, source.url]);
    expect(statSync(dump).size).toBeGreaterThan(10_000);
    restored = await createDatabase(serverUrl(), "danban_rel_restored", { migrate: false });
    await run(pgTool("pg_restore"), ["--no-owner", "--exit-on-error", "-d", restored.url, dump]);

    // Same tables, same row counts, table by table (the migrations' own table included).
    const [before, after] = await Promise.all([rowCounts(source.url), rowCounts(restored.url)]);
    expect(Object.keys(after).length).toBeGreaterThan(20);
    expect(after).toEqual(before);
    expect(after.Vote).toBeGreaterThanOrEqual(5);
    expect(after.AuditEvent).toBeGreaterThan(0);
    console.log(`[backup] ${Object.keys(after).length} tables, ${Object.values(after).reduce((a, b) => a + b, 0)} rows, dump ${Math.round(statSync(dump).size / 1024)} kB: identical after restore`);

    // Sequences restored too: the next audit event continues the numbering, not a duplicate.
    const [seqs] = await sql<{ max: string; last: string }>(
      restored.url,
      `SELECT (SELECT max("seq")::text FROM "AuditEvent") AS max, (SELECT last_value::text FROM "AuditEvent_seq_seq") AS last`,
    );
    expect(seqs!.last).toBe(seqs!.max);

    // Every chain verifies on the copy, and its heads are those noted before the backup.
    const audit = await verifyAudit(restored.url);
    expect(audit.ok, audit.output).toBe(true);
    app = await startApp({ port: appPort(2), databaseUrl: restored.url });
    expect(await (await fetch(`${app.url}/api/audit/head?commune=thien-tin`)).json()).toEqual(headBefore);
    expect(await (await fetch(`${app.url}/api/audit/head`)).json()).toEqual(platformBefore);

    // And the restored database is a working one: sign in, write, the chain grows from its head.
    const again = new Client(app.url);
    await again.signIn("canbo@thientin.danban.local");
    const next = await enterAssisted(again, targets, targets.residentIds[5]!);
    expect(next.result?.data).toBeTruthy();
    const headAfter = (await settledHead(app.url, restored.url, "?commune=thien-tin")) as { events: number };
    expect(headAfter.events).toBe((headBefore as { events: number }).events + 2);
    expect((await verifyAudit(restored.url)).ok).toBe(true);
  });
});
