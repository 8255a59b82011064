// npm start — the whole app on a fresh machine: the embedded PostgreSQL when DATABASE_URL is unset,
// migrations, demo data on first start (only on the embedded database or with DEMO_DATA=1, never with
// NODE_ENV=production: see lib/accounts/demo-data.ts), a production build when the sources changed,
// then Next.js. A real database starts empty: its first administrator comes from npm run admin:create.
// npm run dev does the same with `next dev`.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { demoDataAllowed } from "@/lib/accounts/demo-data";

import { buildIsCurrent } from "./build-freshness";
import { openDatabase } from "./db/database";
import { applyMigrations } from "./db/migrations";

const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
const port = process.env.PORT ?? "3000";
/** The address to listen on (BIND_ADDRESS=127.0.0.1 behind a reverse proxy); Next.js listens on every address by default. */
const host = process.env.BIND_ADDRESS;
const nextBin = path.join(root, "node_modules/next/dist/bin/next");
const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

/** A secret for signing sessions, generated once per machine and kept under .data/ (never committed). */
function authSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(root, ".data/auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [nextBin, ...args], { cwd: root, env, stdio: "inherit" });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

process.env.NEXTAUTH_SECRET = authSecret();
process.env.NEXT_TELEMETRY_DISABLED = "1";
process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;

const database = await openDatabase();
console.log(database.embedded ? `Embedded PostgreSQL ready (.data/pglite) — ${elapsed()}` : "Using DATABASE_URL.");
const applied = await applyMigrations(database.url);
if (applied.length) console.log(`Applied ${applied.length} migration(s) — ${elapsed()}`);

const { db } = await import("@/lib/db");
if ((await db.commune.count()) === 0) {
  if (demoDataAllowed({ embedded: database.embedded, env: process.env })) {
    console.log("First start: loading the demo communes (about a minute on the embedded database)…");
    const { seed } = await import("../prisma/seed/seed");
    await seed(db, { households: 4500, log: (line) => console.log(line) });
    console.log(`Demo data loaded — ${elapsed()}`);
  } else if ((await db.user.count({ where: { isPlatformAdmin: true } })) === 0) {
    console.log("Empty database, no demo data loaded: create the first administrator with npm run admin:create");
  }
}
await db.$disconnect();

const env = { ...process.env, DATABASE_URL: database.url };
if (!dev && !buildIsCurrent(root)) {
  console.log("Building the app (about a minute)…");
  const code = await run(["build"], env);
  if (code !== 0) {
    await database.stop();
    process.exit(code);
  }
}

console.log(`Starting Dân Bàn on http://localhost:${port} — ${elapsed()}`);
const child = spawn(process.execPath, [nextBin, dev ? "dev" : "start", ...(host ? ["-H", host] : []), "-p", port], { cwd: root, env, stdio: "inherit" });
let stopping = false;
const stop = (signal: NodeJS.Signals) => {
  if (stopping) return;
  stopping = true;
  child.kill(signal);
};
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
child.on("exit", async (code) => {
  await database.stop();
  process.exit(code ?? 0);
});
