// A throwaway PostgreSQL cluster of the test's own (initdb + pg_ctl on a port of its own), so that a
// test may stop and restart the database server without touching the shared one. As root, the
// PostgreSQL binaries refuse to run; they then run as the `postgres` user through runuser.
import { execFile } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

function pgBin(): string {
  const base = "/usr/lib/postgresql";
  if (existsSync(base)) {
    const versions = readdirSync(base).filter((v) => existsSync(path.join(base, v, "bin/pg_ctl"))).sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(base, versions[0], "bin");
  }
  return ""; // on PATH
}

export const PG_BIN = pgBin();
export const pgTool = (name: string) => (PG_BIN ? path.join(PG_BIN, name) : name);

/** initdb, pg_ctl, pg_dump and pg_restore of a local PostgreSQL installation (Debian: /usr/lib/postgresql/<v>/bin). */
export function hasPostgresBinaries(): boolean {
  return Boolean(PG_BIN) && ["initdb", "pg_ctl", "pg_dump", "pg_restore"].every((t) => existsSync(pgTool(t)));
}

const asRoot = process.getuid?.() === 0;

async function pgRun(tool: string, args: string[]) {
  const [cmd, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", pgTool(tool), ...args]] : [pgTool(tool), args];
  return run(cmd, argv, { maxBuffer: 16 * 1024 * 1024 });
}

export type Cluster = {
  url: string;
  port: number;
  stop: () => Promise<void>;
  start: () => Promise<void>;
  restart: () => Promise<void>;
  destroy: () => Promise<void>;
};

export async function createCluster(port: number): Promise<Cluster> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "danban_pg_"));
  chmodSync(dir, 0o700);
  if (asRoot) {
    const { stdout } = await run("id", ["-u", "postgres"]);
    const { stdout: gid } = await run("id", ["-g", "postgres"]);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const data = path.join(dir, "data");
  await pgRun("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const ctl = (action: string, extra: string[] = []) => pgRun("pg_ctl", ["-D", data, "-o", options, "-l", path.join(dir, "log"), "-w", ...extra, action]);
  await ctl("start");
  return {
    port,
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    start: async () => void (await ctl("start")),
    // "fast": disconnects every client at once, as a crash or a failover does.
    stop: async () => void (await ctl("stop", ["-m", "fast"])),
    restart: async () => void (await ctl("restart", ["-m", "fast"])),
    destroy: async () => {
      await ctl("stop", ["-m", "immediate"]).catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
