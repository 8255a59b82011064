// The physical reference for the vote line: how many unique-keyed inserts per second raw PostgreSQL
// takes on this machine, at this moment, with pgbench — the same clients, the same server, the same
// durability (synchronous_commit on, one commit per insert). The vote line is reported as a share of
// it, which a noisy shared machine cannot fake the way an absolute figure can.
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import pg from "pg";

const run = promisify(execFile);

// One row per "voter", refused if the key repeats: the shape of Vote's (questionId, voterKey) key.
const TABLE = `CREATE TABLE IF NOT EXISTS "bench_raw_insert" (
  "questionId" text NOT NULL,
  "voterKey" text NOT NULL,
  "choice" int NOT NULL,
  "createdAt" timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY ("questionId", "voterKey"))`;
const SCRIPT = `\\set choice random(1, 3)
INSERT INTO "bench_raw_insert" ("questionId", "voterKey", "choice") VALUES ('bench', gen_random_uuid()::text, :choice);
`;

export type RawInsertRate = { perSecond: number; transactions: number; synchronousCommit: string; command: string };

/** Runs pgbench against `url` for `seconds` with `clients` connections; null when pgbench is not installed. */
export async function measureRawInserts(url: string, clients: number, seconds: number): Promise<RawInsertRate | null> {
  const pgbench = await run("which", ["pgbench"]).then(({ stdout }) => stdout.trim(), () => "");
  if (!pgbench) return null;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(TABLE);
    const synchronousCommit = (await client.query<{ synchronous_commit: string }>("SHOW synchronous_commit")).rows[0]!.synchronous_commit;
    const dir = mkdtempSync(path.join(os.tmpdir(), "danban-pgbench-"));
    const script = path.join(dir, "unique-insert.sql");
    writeFileSync(script, SCRIPT);
    const args = ["-n", "-c", String(clients), "-j", String(Math.min(clients, os.cpus().length)), "-T", String(seconds), "-f", script, url];
    const { stdout } = await run(pgbench, args, { maxBuffer: 10 * 1024 * 1024 });
    const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout) ?? /tps = ([\d.]+)/.exec(stdout);
    const transactions = /number of transactions actually processed: (\d+)/.exec(stdout);
    if (!tps) throw new Error(`pgbench printed no rate:\n${stdout}`);
    return { perSecond: Number(tps[1]), transactions: Number(transactions?.[1] ?? 0), synchronousCommit, command: `pgbench ${args.slice(0, -1).join(" ")} <database>` };
  } finally {
    await client.query(`DROP TABLE IF EXISTS "bench_raw_insert"`).catch(() => {});
    await client.end();
  }
}
