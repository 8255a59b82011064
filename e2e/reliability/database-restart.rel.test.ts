// PostgreSQL goes away under load and comes back (a restart, a failover). The app is not restarted:
// meanwhile /api/health answers 503 and actions answer promptly with a clear "database unavailable"
// (503) instead of hanging or crashing the process; afterwards health is 200 again, writes go through,
// and the sessions signed in before the outage still work. The database server here is a throwaway
// cluster of the test's own: the shared one is never touched.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type App, appPort, Client, startApp, waitFor } from "./support/app";
import { createCluster, hasPostgresBinaries, type Cluster } from "./support/cluster";
import { createDatabase, type Database, seedDatabase } from "./support/data";
import { assistedTargets, type AssistedTargets, enterAssisted } from "./support/targets";

const PG_PORT = 52_000 + Number(process.env.E2E_PORT ?? 3210);

describe.skipIf(!hasPostgresBinaries())("PostgreSQL restarts under load", () => {
  let cluster: Cluster;
  let database: Database;
  let app: App | undefined;
  let targets: AssistedTargets;

  beforeAll(async () => {
    cluster = await createCluster(PG_PORT);
    database = await createDatabase(cluster.url, "danban_rel_pgrestart");
    await seedDatabase(database.url, 100);
    targets = await assistedTargets(database.url);
  }, 240_000);

  afterAll(async () => {
    await app?.kill();
    await cluster?.destroy();
  });

  it("reports the outage, refuses writes with 503 meanwhile, and recovers without a restart", async () => {
    app = await startApp({ port: appPort(1), databaseUrl: database.url });
    const staff = new Client(app.url);
    await staff.signIn("canbo@thientin.danban.local");
    const resident = new Client(app.url);
    await resident.signIn("0901000001");
    const residentName = (await resident.session()).user?.name;
    expect(residentName).toBeTruthy();

    const queue = [...targets.residentIds];
    const before = await enterAssisted(staff, targets, queue.shift()!);
    expect(before.result?.data?.opinionNumber).toBeGreaterThan(0);

    // Load: health checks, public pages and writes, all the way through the outage.
    let loading = true;
    const seen = { health: new Map<number, number>(), page: new Map<number, number>(), actions: [] as string[] };
    const count = (m: Map<number, number>, status: number) => m.set(status, (m.get(status) ?? 0) + 1);
    const load = (async () => {
      while (loading) {
        const [h, p] = await Promise.all([
          fetch(`${app!.url}/api/health`, { signal: AbortSignal.timeout(15_000) }).then((r) => r.status, () => 0),
          fetch(`${app!.url}/thien-tin`, { signal: AbortSignal.timeout(15_000) }).then((r) => r.status, () => 0),
        ]);
        count(seen.health, h);
        count(seen.page, p);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();

    await cluster.stop();
    const outageStarted = Date.now();

    // Health says so within a few seconds.
    await waitFor(async () => (await fetch(`${app!.url}/api/health`)).status === 503, 10_000, "health 503");
    const health = (await (await fetch(`${app.url}/api/health`)).json()) as { status: string; database: { status: string } };
    expect(health).toMatchObject({ status: "error", database: { status: "down" } });

    // A write during the outage: a prompt, clear refusal, not a hang and not "unexpected error".
    const started = Date.now();
    const during = await enterAssisted(staff, targets, queue[0]!, { timeoutMs: 20_000 });
    const took = Date.now() - started;
    seen.actions.push(JSON.stringify(during.result));
    expect(took, "answered without hanging").toBeLessThan(10_000);
    expect(during.status).toBe(200);
    expect(during.result?.serverError).toMatchObject({ code: "databaseUnavailable", status: 503 });
    // The API routes say the same, with the message in the reader's language.
    const api = await staff.fetch(`/api/communes/thien-tin/consultations/${targets.consultationId}/me`);
    expect(api.status).toBe(503);
    expect(await api.json()).toMatchObject({ code: "databaseUnavailable", message: expect.stringContaining("chưa có gì được lưu") });

    // Back after a few seconds down; the process was never restarted.
    await new Promise((r) => setTimeout(r, Math.max(0, 3000 - (Date.now() - outageStarted))));
    await cluster.start();
    await waitFor(async () => (await fetch(`${app!.url}/api/health`)).status === 200, 30_000, "health 200 after the restart");
    const recoveredIn = Date.now() - outageStarted;
    loading = false;
    await load;
    expect(app.child.exitCode).toBeNull();
    expect(app.child.signalCode).toBeNull();

    // Writes go through again, on the session signed in before the outage; nothing of the refused
    // write was kept, so it can simply be sent again.
    const retried = await enterAssisted(staff, targets, queue[0]!);
    expect(retried.status).toBe(200);
    expect(retried.result?.data?.opinionNumber).toBe(before.result!.data!.opinionNumber! + 1);
    expect((await resident.session()).user?.name).toBe(residentName);
    expect((await resident.fetch("/thien-tin")).status).toBe(200);

    // The load saw the outage (503s from health) and the recovery (200s), and never hung.
    expect(seen.health.get(503) ?? 0).toBeGreaterThan(0);
    expect(seen.health.get(200) ?? 0).toBeGreaterThan(0);
    expect(seen.health.get(0) ?? 0, "health requests that timed out or failed").toBe(0);
    console.log(`[pg restart] recovered ${recoveredIn} ms after the stop; health ${JSON.stringify([...seen.health])}, home page ${JSON.stringify([...seen.page])}`);
  });
});
