// npm run admin:create, run as the command runs it: a child process against a fresh database of its
// own, with the password from the environment, then signing in with it.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase } from "@/scripts/db/test-database";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
let database: Awaited<ReturnType<typeof createTestDatabase>>;

function adminCreate(env: Record<string, string>) {
  return run(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "scripts/admin-create.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: database.url, ...env },
  }).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  );
}

beforeAll(async () => {
  database = await createTestDatabase("danban_admin_create");
});
afterAll(async () => {
  await database?.drop();
});

describe("npm run admin:create on an empty database", () => {
  it("refuses a password shorter than the rule, creating nothing", async () => {
    const result = await adminCreate({ ADMIN_EMAIL: "Admin@Xa.vn", ADMIN_PASSWORD: "short12" });
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/at least 8 characters/);
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM "User"`);
    await client.end();
    expect(rows[0].n).toBe(0);
  });

  it("creates a platform administrator whose password signs in, and refuses the same email twice", async () => {
    const created = await adminCreate({ ADMIN_EMAIL: "Admin@Xa.vn", ADMIN_PASSWORD: "a long enough passphrase" });
    expect(created.code, created.out).toBe(0);
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query(`SELECT email, "isPlatformAdmin", "passwordHash", "emailVerifiedAt" FROM "User"`);
    await client.end();
    expect(rows).toHaveLength(1);
    expect(rows[0].email).toBe("admin@xa.vn");
    expect(rows[0].isPlatformAdmin).toBe(true);
    // Typed by the operator on the server: confirmed, or the first administrator could not sign in.
    expect(rows[0].emailVerifiedAt).not.toBeNull();
    const { verifyPassword } = await import("@/lib/auth/password");
    expect(await verifyPassword(rows[0].passwordHash, "a long enough passphrase")).toBe(true);

    const again = await adminCreate({ ADMIN_EMAIL: "admin@xa.vn", ADMIN_PASSWORD: "another passphrase" });
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/already has an account/);
  });
});
