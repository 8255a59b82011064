// Databases for the reliability tests: fresh ones on DATABASE_URL's server (or a given cluster), seeded
// by the same script as `npm run db:seed`, and read back with plain SQL.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

import pg from "pg";

import { applyMigrations } from "../../../scripts/db/migrations";
import { root } from "./app";

const run = promisify(execFile);

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * These tests need a real PostgreSQL server (DATABASE_URL) where they may create databases; without one
 * (the embedded database cannot be restarted, dumped or shared by two processes) they are skipped, and say so.
 */
export const noServer = !process.env.DATABASE_URL;
if (noServer) console.warn("[reliability] DATABASE_URL is not set: the reliability tests are skipped (they need a PostgreSQL server).");

export function serverUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("The reliability tests need DATABASE_URL (a PostgreSQL server where they may create databases).");
  return url;
}

export type Database = { name: string; url: string; drop: () => Promise<void> };

/** An empty database on `server`, dropped by `drop`; `migrate` applies the app's migrations. */
export async function createDatabase(server: string, prefix: string, options: { migrate?: boolean } = {}): Promise<Database> {
  const name = `${prefix}_${Date.now()}_${process.pid}_${Math.floor(Math.random() * 1000)}`;
  await sql(server, `CREATE DATABASE "${name}"`);
  const url = withDatabase(server, name);
  if (options.migrate !== false) await applyMigrations(url);
  return {
    name,
    url,
    drop: async () => {
      await sql(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
    },
  };
}

/** The demo data, seeded by the `npm run db:seed` script in a process of its own. */
export async function seedDatabase(url: string, households = 200) {
  await run(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "prisma/seed/index.ts", "--households", String(households)], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, SCHEDULER: "off" },
    maxBuffer: 16 * 1024 * 1024,
  });
}

/** `npm run audit:verify` against a database: every chain checked; its output and exit code. */
export async function verifyAudit(url: string): Promise<{ ok: boolean; output: string }> {
  try {
    const { stdout } = await run(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/audit-verify.ts"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url },
    });
    return { ok: true, output: stdout };
  } catch (error) {
    return { ok: false, output: String((error as { stdout?: string }).stdout ?? error) };
  }
}

export async function sql<T extends pg.QueryResultRow = pg.QueryResultRow>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

/** Exact row counts of every table of the app (schema public), by table name. */
export async function rowCounts(url: string): Promise<Record<string, number>> {
  const tables = await sql<{ t: string }>(url, `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`);
  const counts: Record<string, number> = {};
  for (const { t } of tables) {
    const [row] = await sql<{ n: string }>(url, `SELECT count(*)::text AS n FROM "${t}"`);
    counts[t] = Number(row!.n);
  }
  return counts;
}
