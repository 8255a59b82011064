// The embedded PostgreSQL: PGlite (PostgreSQL compiled to WebAssembly) served over the wire protocol,
// so that the app, the migrations and the pg pool run exactly the code they run against a real
// server; only DATABASE_URL differs. Data lives under .data/ and survives restarts.
import { mkdir } from "node:fs/promises";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export const EMBEDDED_PORT = Number(process.env.EMBEDDED_DB_PORT ?? 54329);
export const embeddedDataDir = path.resolve(import.meta.dirname, "../../.data/pglite");

export type EmbeddedPostgres = { url: string; stop: () => Promise<void> };

export async function startEmbeddedPostgres(
  options: { dataDir?: string; port?: number } = {},
): Promise<EmbeddedPostgres> {
  const dataDir = options.dataDir ?? embeddedDataDir;
  const port = options.port ?? EMBEDDED_PORT;
  if (dataDir !== "memory://") await mkdir(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  const server = new PGLiteSocketServer({ db, port, host: "127.0.0.1", maxConnections: 200 });
  try {
    await server.start();
  } catch (error) {
    await db.close();
    throw new Error(
      `The embedded database could not listen on 127.0.0.1:${port} (${(error as Error).message}). ` +
        "Is another Dân Bàn already running? Stop it, or set EMBEDDED_DB_PORT.",
    );
  }
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}
