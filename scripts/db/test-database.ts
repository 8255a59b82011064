// A fresh database per test run: created on the PostgreSQL server named by DATABASE_URL (never the
// configured database itself), or on an embedded PostgreSQL when no server is given. Dropped after.
import pg from "pg";

import { startEmbeddedPostgres } from "./embedded";
import { applyMigrations } from "./migrations";

export type TestDatabase = { url: string; name: string; drop: () => Promise<void> };

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const name = `${prefix}_${Date.now()}_${process.pid}`;
  let serverUrl = process.env.DATABASE_URL;
  let stopEmbedded: (() => Promise<void>) | null = null;
  if (!serverUrl) {
    const port = 55000 + Math.floor(Math.random() * 4000);
    const embedded = await startEmbeddedPostgres({ dataDir: "memory://", port });
    serverUrl = embedded.url;
    stopEmbedded = embedded.stop;
  }
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = withDatabase(serverUrl, name);
  await applyMigrations(url);
  return {
    url,
    name,
    drop: async () => {
      if (stopEmbedded) return stopEmbedded();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}
