// The job queue (pg-boss, in PostgreSQL): every app instance starts a worker; pg-boss makes sure each
// scheduled job runs once across all of them, so nothing waits for a page visit or a request.
// Tests and scripts set SCHEDULER=off and drive lib/scheduler/jobs.ts themselves.
import PgBoss from "pg-boss";

import { env } from "@/lib/env";
import { getMailer } from "@/lib/notifications/mailer";

import { registerJobs } from "./jobs";
import { withSetupLock } from "./setup-lock";

const globalForBoss = globalThis as unknown as { danBanBoss?: PgBoss };

export async function startScheduler(): Promise<PgBoss> {
  if (globalForBoss.danBanBoss) return globalForBoss.danBanBoss;
  const boss = new PgBoss({ connectionString: env.DATABASE_URL, max: 2 });
  boss.on("error", (error) => console.error("[scheduler]", error));
  globalForBoss.danBanBoss = boss;
  // Instances starting together take turns: pg-boss's schema and queue creation deadlock otherwise.
  await withSetupLock(env.DATABASE_URL, async () => {
    await boss.start();
    await registerJobs(boss, { mailer: getMailer(), digestCron: env.DIGEST_CRON });
  });
  return boss;
}
