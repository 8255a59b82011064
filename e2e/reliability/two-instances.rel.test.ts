// Two app instances on one PostgreSQL, as behind a load balancer: they start together with the job
// queue on (its set-up must not deadlock), a session signed in on one works on the other, numbers
// handed out concurrently through both (opinion numbers; the document register from two processes)
// have no gaps and no repeats, scheduled jobs run once, and a rate limit counts attempts made on both.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type App, appPort, Client, root, startApp, waitFor } from "./support/app";
import { createDatabase, noServer, seedDatabase, serverUrl, sql, type Database } from "./support/data";
import { assistedTargets, type AssistedTargets, enterAssisted } from "./support/targets";

const run = promisify(execFile);

describe.skipIf(noServer)("two app instances on one database", () => {
  let database: Database;
  let a: App | undefined;
  let b: App | undefined;
  let targets: AssistedTargets;

  beforeAll(async () => {
    database = await createDatabase(serverUrl(), "danban_rel_two");
    await seedDatabase(database.url, 150);
    targets = await assistedTargets(database.url);
    // Both at once, with the scheduler on: pg-boss creates its schema and queues in both.
    [a, b] = await Promise.all([
      startApp({ port: appPort(3), databaseUrl: database.url, env: { SCHEDULER: "on" } }),
      startApp({ port: appPort(4), databaseUrl: database.url, env: { SCHEDULER: "on" } }),
    ]);
  }, 300_000);

  afterAll(async () => {
    await Promise.all([a?.kill(), b?.kill()]);
    await database?.drop();
  });

  it("started both with the job queue set up once, without a deadlock", async () => {
    const queues = await sql<{ name: string }>(database.url, `SELECT name FROM pgboss.queue ORDER BY name`);
    const names = queues.map((q) => q.name);
    expect(names).toEqual(expect.arrayContaining(["case-fix-checks", "consultations-tick", "notifications-digest", "queued-texts", "send-digest", "vote-notices"]));
    expect(new Set(names).size).toBe(names.length);
    // One schedule per job, though both instances registered it.
    const schedules = await sql<{ name: string }>(database.url, `SELECT name FROM pgboss.schedule ORDER BY name`);
    expect(schedules.map((r) => r.name)).toEqual(["case-fix-checks", "consultations-tick", "notifications-digest", "queued-texts", "vote-notices"]);
    expect(a!.output() + b!.output()).not.toMatch(/deadlock/i);
    // The hourly fix-check job also ran at start-up (checks that fell due while nothing ran are asked at once).
    await expect
      .poll(async () => (await sql<{ state: string }>(database.url, `SELECT state FROM pgboss.job WHERE name = 'case-fix-checks' AND singleton_key = 'start-up'`)).map((r) => r.state), { timeout: 30_000 })
      .toContain("completed");
  });

  it("accepts a session signed in on one instance on the other", async () => {
    const onA = new Client(a!.url);
    await onA.signIn("0901000001");
    const onB = onA.on(b!.url);
    const [sa, sb] = await Promise.all([onA.session(), onB.session()]);
    expect(sa.user?.id).toBeTruthy();
    expect(sb.user?.id).toBe(sa.user?.id);
    // The account page needs the session; B serves it without a sign-in of its own.
    const page = await onB.fetch("/thien-tin/account");
    expect(page.status).toBe(200);
    // Rendered on the server of B from the session cookie that A issued.
    expect(await page.text()).toContain("Trong danh sách của xã: Phạm Ngọc Vinh");
  });

  it("numbers opinions entered concurrently through both instances without gaps or repeats", async () => {
    const staffA = new Client(a!.url);
    await staffA.signIn("canbo@thientin.danban.local");
    const staffB = staffA.on(b!.url);
    const [row] = await sql<{ opinionSeq: number }>(database.url, `SELECT "opinionSeq" FROM "Consultation" WHERE "id" = $1`, [targets.consultationId]);
    const start = row!.opinionSeq;
    const residents = targets.residentIds.slice(0, 40);
    const answers = await Promise.all(residents.map((id, i) => enterAssisted(i % 2 ? staffB : staffA, targets, id)));
    const numbers = answers.map((x) => x.result?.data?.opinionNumber);
    expect(numbers.every((n) => typeof n === "number")).toBe(true);
    expect((numbers as number[]).sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => start + i + 1));
  });

  it("hands out document numbers from two processes at once without gaps or repeats", async () => {
    const issue = (label: string) =>
      run(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "e2e/reliability/support/issue-numbers.ts", "25", "2041", label], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: database.url, SCHEDULER: "off" },
      }).then(({ stdout }) => JSON.parse(stdout.trim().split("\n").at(-1)!) as number[]);
    const [one, two] = await Promise.all([issue("A"), issue("B")]);
    expect([...one, ...two].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const rows = await sql<{ number: number }>(database.url, `SELECT "number" FROM "IssuedDocument" WHERE "year" = 2041 AND "type" = 'TB' ORDER BY 1`);
    expect(rows.map((r) => r.number)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it("shares a rate limit: sign-in failures on both instances add up", async () => {
    // Five free failures per account, counted in PostgreSQL; the sixth makes the next try wait (lib/auth/sign-in-delay.ts):
    // 3 on A and 3 on B add up to it.
    const attempt = async (app: App, password: string) => {
      const c = new Client(app.url);
      const csrf = (await (await c.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
      const res = await c.fetch("/api/auth/callback/credentials", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ identifier: "0901000003", password, csrfToken: csrf.csrfToken, json: "true" }),
      });
      return `${res.headers.get("location") ?? ""} ${await res.text()}`;
    };
    for (const app of [a!, b!, a!, b!, a!, b!]) expect(await attempt(app, "wrong-password")).toMatch(/invalidCredentials/);
    // Keep failing on both, waiting as told, until the wait is 4 s: time enough for the check below.
    for (let i = 0, wait = 0; wait < 4 && i < 20; i++) {
      const out = await attempt(i % 2 ? b! : a!, "wrong-password");
      const asked = /rateLimited(?::|%3A)(\d+)/.exec(out);
      if (!asked) continue;
      wait = Number(asked[1]);
      if (wait < 4) await new Promise((r) => setTimeout(r, wait * 1000));
    }
    // The next, with the right password, on B: asked to wait, not refused for the password.
    expect(await attempt(b!, "danban2026")).toMatch(/rateLimited/);
  });

  it("runs each scheduled job once, though both instances run workers", async () => {
    // The tick is scheduled every minute on both instances; pg-boss must create and run one job per
    // minute across them. Wait for two ticks to complete.
    await waitFor(
      async () => {
        const [row] = await sql<{ n: number }>(database.url, `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'consultations-tick' AND state = 'completed'`);
        return row!.n >= 2;
      },
      150_000,
      "two completed ticks",
      2000,
    );
    const perMinute = await sql<{ minute: string; jobs: number; runs: number }>(
      database.url,
      `SELECT date_trunc('minute', created_on)::text AS minute, count(*)::int AS jobs, sum(retry_count)::int AS runs
       FROM pgboss.job WHERE name = 'consultations-tick' GROUP BY 1 ORDER BY 1`,
    );
    expect(perMinute.length).toBeGreaterThanOrEqual(2);
    for (const m of perMinute) expect(m, `tick jobs of ${m.minute}`).toMatchObject({ jobs: 1, runs: 0 });
  });
});
