// Prisma's migration engine without its native binary (see stack-notes.md): the WebAssembly schema
// engine, driven through the pg driver adapter. Migrations stay in Prisma's standard layout, so
// `prisma migrate deploy` works unchanged wherever the native engine can be installed.
//
// Authoring diffs the schema as it was at the last migration (kept beside it as schema.prisma)
// against the current schema: the WebAssembly engine refuses a shadow database.
import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";

import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as runtime from "@prisma/schema-engine-wasm/schema_engine_bg";

const root = path.resolve(import.meta.dirname, "../..");
export const schemaPath = path.join(root, "prisma/schema.prisma");
export const migrationsDir = path.join(root, "prisma/migrations");
const lockfileName = "migration_lock.toml";
const snapshotName = "schema.prisma";
const noFilters = { externalTables: [], externalEnums: [] };

type Engine = runtime.SchemaEngine;

let engineClass: typeof runtime.SchemaEngine | undefined;

/** Instantiates the WebAssembly module once, as @prisma/internals does inside the Prisma CLI. */
async function loadEngineClass(): Promise<typeof runtime.SchemaEngine> {
  if (!engineClass) {
    const wasmPath = path.join(root, "node_modules/@prisma/schema-engine-wasm/schema_engine_bg.wasm");
    const wasmModule = new WebAssembly.Module(await readFile(wasmPath));
    const instance = new WebAssembly.Instance(wasmModule, { "./schema_engine_bg.js": runtime as never });
    runtime.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    engineClass = runtime.SchemaEngine;
  }
  return engineClass;
}

/**
 * The pg adapter runs a migration script by splitting it at every ";", which breaks on SQL that holds
 * one inside (a function body, a string) and applies half a migration when a statement fails. Send
 * the script whole instead, as the native engine does: one simple query, which PostgreSQL runs as
 * one transaction.
 */
function wholeScriptAdapterFactory(url: string): PrismaPg {
  const factory = new PrismaPg({ connectionString: url });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    adapter.executeScript = async (script: string) => {
      try {
        await (adapter.underlyingDriver() as { query(text: string): Promise<unknown> }).query(script);
      } catch (error) {
        // The adapter's own translation into the error the engine understands.
        (adapter as unknown as { onError(e: unknown): never }).onError(error);
      }
    };
    return adapter;
  };
  return factory;
}

async function withEngine<T>(url: string, schema: string, run: (engine: Engine) => Promise<T>): Promise<T> {
  const adapter = bindMigrationAwareSqlAdapterFactory(wholeScriptAdapterFactory(url));
  const SchemaEngine = await loadEngineClass();
  const engine = await SchemaEngine.new({ datamodels: [[schemaPath, schema]] }, () => {}, adapter);
  try {
    return await run(engine);
  } finally {
    engine.free();
  }
}

async function listMigrationDirectories(): Promise<string[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

async function loadMigrationList() {
  const names = await listMigrationDirectories();
  const migrationDirectories = await Promise.all(
    names.map(async (name) => {
      const file = path.join(migrationsDir, name, "migration.sql");
      const content = await readFile(file, "utf8").then(
        (value) => ({ tag: "ok" as const, value }),
        (error: Error) => ({ tag: "error" as const, value: error.message }),
      );
      return { path: name, migrationFile: { path: "migration.sql", content } };
    }),
  );
  const lockfile = await readFile(path.join(migrationsDir, lockfileName), "utf8").catch(() => null);
  return {
    baseDir: migrationsDir,
    lockfile: { path: lockfileName, content: lockfile },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

/** Applies every migration not yet applied; returns the names it applied. */
export async function applyMigrations(url: string): Promise<string[]> {
  const schema = await readFile(schemaPath, "utf8");
  return withEngine(url, schema, async (engine) => {
    const result = await engine.applyMigrations({
      migrationsList: await loadMigrationList(),
      filters: noFilters,
    });
    return result.appliedMigrationNames;
  });
}

function timestamp(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return (
    `${now.getUTCFullYear()}${pad(now.getUTCMonth() + 1)}${pad(now.getUTCDate())}` +
    `${pad(now.getUTCHours())}${pad(now.getUTCMinutes())}${pad(now.getUTCSeconds())}`
  );
}

/**
 * Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that takes the schema of the
 * last migration to the current schema. `extraSql` is appended (constraints Prisma cannot express).
 * Returns the directory, or null when there is nothing to migrate.
 */
export async function createMigration(name: string, url: string): Promise<string | null> {
  const schema = await readFile(schemaPath, "utf8");
  const names = await listMigrationDirectories();
  const last = names.at(-1);
  const previous = last
    ? await readFile(path.join(migrationsDir, last, snapshotName), "utf8").catch(() => {
        throw new Error(`${last} has no ${snapshotName} snapshot to diff against`);
      })
    : null;

  const sql = await withEngine(url, schema, async (engine) => {
    const result = await engine.diff({
      from: previous
        ? { tag: "schemaDatamodel", files: [{ path: schemaPath, content: previous }] }
        : { tag: "empty" },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    return result.stdout ?? "";
  });
  if (!sql.trim() || sql.includes("This is an empty migration")) return null;

  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "") || "migration";
  const dir = path.join(migrationsDir, `${timestamp()}_${slug}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "migration.sql"), sql);
  await writeFile(path.join(dir, snapshotName), schema);
  await writeFile(
    path.join(migrationsDir, lockfileName),
    '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
  );
  return dir;
}
