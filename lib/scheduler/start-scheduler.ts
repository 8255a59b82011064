// The job queue (pg-boss, in PostgreSQL): every app instance starts a worker; pg-boss makes sure a
// scheduled job runs once per minute across all of them, so nothing waits for a page visit.
// Tests and scripts set SCHEDULER=off and call lib/consultations/lifecycle.ts directly.
import PgBoss from "pg-boss";

import { closeExpiredConsultations, publishScheduledConsultations } from "@/lib/consultations/lifecycle";
import { env } from "@/lib/env";

const TICK = "consultations-tick";

const globalForBoss = globalThis as unknown as { danBanBoss?: PgBoss };

export async function startScheduler(): Promise<PgBoss> {
  if (globalForBoss.danBanBoss) return globalForBoss.danBanBoss;
  const boss = new PgBoss({ connectionString: env.DATABASE_URL, max: 2 });
  boss.on("error", (error) => console.error("[scheduler]", error));
  globalForBoss.danBanBoss = boss;
  await boss.start();
  await boss.createQueue(TICK);
  await boss.schedule(TICK, "* * * * *", {}, { tz: "Asia/Ho_Chi_Minh" });
  await boss.work(TICK, async () => {
    // Public pages pick the change up within their revalidation time (one minute).
    const now = new Date();
    await publishScheduledConsultations(now);
    await closeExpiredConsultations(now);
  });
  return boss;
}
