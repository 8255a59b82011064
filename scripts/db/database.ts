// The database for a script: DATABASE_URL when it is set, otherwise the embedded PostgreSQL under
// .data/ (started here, stopped when the script ends).
import { type EmbeddedPostgres, startEmbeddedPostgres } from "./embedded";

export type ScriptDatabase = { url: string; embedded: boolean; stop: () => Promise<void> };

export async function openDatabase(): Promise<ScriptDatabase> {
  try {
    process.loadEnvFile();
  } catch {
    // no .env file
  }
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  }
  const pg: EmbeddedPostgres = await startEmbeddedPostgres();
  process.env.DATABASE_URL = pg.url;
  return { url: pg.url, embedded: true, stop: pg.stop };
}
