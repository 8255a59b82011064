// Every background job, registered on a pg-boss instance: the app's scheduler and the tests use the
// same wiring. pg-boss keeps jobs in PostgreSQL, so any number of app instances share them and a
// scheduled job runs once.
import type PgBoss from "pg-boss";

import { askDueFixChecks } from "@/lib/cases/fix-check";
import { closeExpiredConsultations, publishScheduledConsultations } from "@/lib/consultations/lifecycle";
import type { Mailer } from "@/lib/notifications/mailer";
import { sendDigest, usersWithPendingEmail } from "@/lib/notifications/digest";
import { sendQueuedTexts } from "@/lib/telling/send-texts";
import { sendPendingVoteNotices } from "@/lib/vote-notices/send-vote-notices";

export const QUEUES = {
  tick: "consultations-tick",
  digests: "notifications-digest",
  sendDigest: "send-digest",
  voteNotices: "vote-notices",
  texts: "queued-texts",
  caseFixChecks: "case-fix-checks",
} as const;

export type JobOptions = {
  mailer: Mailer | null;
  /** Retry policy for sending mail; tests shorten it. */
  retry?: { retryLimit: number; retryDelay: number; retryBackoff: boolean };
  digestCron?: string;
};

export async function registerJobs(boss: PgBoss, options: JobOptions) {
  const retry = options.retry ?? { retryLimit: 6, retryDelay: 60, retryBackoff: true };
  await boss.createQueue(QUEUES.tick);
  await boss.createQueue(QUEUES.digests);
  await boss.createQueue(QUEUES.sendDigest, { name: QUEUES.sendDigest, ...retry });

  await boss.schedule(QUEUES.tick, "* * * * *", {}, { tz: "Asia/Ho_Chi_Minh" });
  await boss.schedule(QUEUES.digests, options.digestCron ?? "*/15 * * * *", {}, { tz: "Asia/Ho_Chi_Minh" });

  await boss.work(QUEUES.tick, async () => {
    // Public pages pick the change up within their revalidation time (one minute).
    const now = new Date();
    await publishScheduledConsultations(now);
    await closeExpiredConsultations(now);
  });
  // Households told of every vote recorded in their name (the notices wait in VoteNotice until sent).
  await boss.createQueue(QUEUES.voteNotices);
  await boss.schedule(QUEUES.voteNotices, "* * * * *", {}, { tz: "Asia/Ho_Chi_Minh" });
  await boss.work(QUEUES.voteNotices, async () => {
    while ((await sendPendingVoteNotices({ limit: 200 })) === 200);
  });
  // Text messages telling residents (lib/telling): queued with the change that caused them, sent here.
  await boss.createQueue(QUEUES.texts);
  await boss.schedule(QUEUES.texts, "* * * * *", {}, { tz: "Asia/Ho_Chi_Minh" });
  await boss.work(QUEUES.texts, async () => {
    while ((await sendQueuedTexts({ limit: 200 })) === 200);
  });
  // "Has it been fixed?" four weeks after a case was resolved (lib/cases/fix-check.ts).
  await boss.createQueue(QUEUES.caseFixChecks);
  await boss.schedule(QUEUES.caseFixChecks, "7 * * * *", {}, { tz: "Asia/Ho_Chi_Minh" });
  await boss.work(QUEUES.caseFixChecks, async () => {
    while ((await askDueFixChecks(new Date(), 200)) === 200);
  });
  // An hourly job also runs once at start-up, so that checks that fell due while no instance ran are
  // asked at once instead of at the next :07 (one run across instances: the singleton key).
  await boss.send(QUEUES.caseFixChecks, {}, { singletonKey: "start-up", singletonSeconds: 300 });
  await boss.work(QUEUES.digests, async () => {
    await enqueueDigests(boss);
  });
  await boss.work<{ userId: string }>(QUEUES.sendDigest, async ([job]) => {
    if (job) await sendDigest(job.data.userId, options.mailer);
  });
}

/** One job per person with mail waiting; a person already queued is not queued twice. */
export async function enqueueDigests(boss: PgBoss) {
  for (const userId of await usersWithPendingEmail()) {
    await boss.send(QUEUES.sendDigest, { userId }, { singletonKey: userId });
  }
}
