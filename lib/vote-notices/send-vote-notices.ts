// A household is told whenever a vote is recorded in its name, on any channel: an inbox notification
// and a text message to every member with an account and a phone, with the channel and the time, so
// that a vote cast by someone else is noticed and can be disputed (issue 10 §4; one vote per household,
// Law 10/2022 Art. 21–22). The notice row is written by a trigger on "Vote" in the vote's own
// transaction (migration contested_votes_meeting_counts): the vote path does no extra work, and a
// notice cannot be lost. This job sends them in batches; rows being sent are locked (SKIP LOCKED), so
// two workers never send the same notice.
import { db } from "@/lib/db";
import { notify } from "@/lib/notifications/notify";
import { translator } from "@/lib/people/translate";
import { vnDate, vnTime } from "@/lib/participation/record-vote";
import { plainText as plain } from "@/lib/sms/plain-text";
import { configuredSender, sendSms, type SmsSender } from "@/lib/sms/send-sms";

import { householdAccounts } from "@/lib/contested-votes/household-members";

/** A notice still unsent after this many tries is left for people to look at (lastError says why). */
export const MAX_ATTEMPTS = 8;

type PendingNotice = {
  voteId: string;
  communeId: string;
  householdId: string;
  channel: string;
  createdAt: Date;
  consultation: string;
  slug: string;
};


/** Sends one pending notice in its own transaction; false when none is left to send. */
async function sendOne(sender: SmsSender): Promise<boolean> {
  const t = translator("vi", "sms");
  let voteId: string | null = null;
  try {
    return await db.$transaction(
      async (tx) => {
        const [notice] = await tx.$queryRaw<PendingNotice[]>`
          SELECT n."voteId", n."communeId", v."householdId", v."channel"::text AS "channel", v."createdAt", c."title" AS "consultation", m."slug"
          FROM "VoteNotice" n
          JOIN "Vote" v ON v."id" = n."voteId"
          JOIN "Consultation" c ON c."id" = v."consultationId"
          JOIN "Commune" m ON m."id" = n."communeId"
          WHERE n."sentAt" IS NULL AND n."attempts" < ${MAX_ATTEMPTS}
          ORDER BY n."createdAt"
          LIMIT 1
          FOR UPDATE OF n SKIP LOCKED`;
        if (!notice) return false;
        voteId = notice.voteId;
        const params = { consultation: notice.consultation, channel: notice.channel, time: vnTime(notice.createdAt), date: vnDate(notice.createdAt) };
        const errors: string[] = [];
        for (const member of await householdAccounts(tx, notice.communeId, notice.householdId)) {
          await notify(tx, { communeId: notice.communeId, userId: member.userId, kind: "householdVoteRecorded", params, link: `/${notice.slug}/household-votes` });
          if (!member.phone) continue;
          // A gateway failure is recorded (SmsMessage FAILED, shown in the staff outbox) and does not
          // hold back the inbox notice or the other members' texts.
          const body = t("householdVoteRecorded", { ...params, consultation: plain(notice.consultation) });
          await sendSms({ communeId: notice.communeId, phone: member.phone, body }, sender).catch((error: unknown) => errors.push(error instanceof Error ? error.message : "sms"));
        }
        await tx.voteNotice.update({
          where: { voteId: notice.voteId },
          data: { attempts: { increment: 1 }, sentAt: new Date(), lastError: errors.length ? errors.join("; ").slice(0, 200) : null },
        });
        return true;
      },
      { maxWait: 30_000, timeout: 120_000 },
    );
  } catch (error) {
    // The notice stays unsent and is tried again on the next run, up to MAX_ATTEMPTS.
    if (voteId === null) throw error;
    const message = error instanceof Error ? error.message.slice(0, 200) : "error";
    await db.voteNotice.update({ where: { voteId }, data: { attempts: { increment: 1 }, lastError: message } });
    return true;
  }
}

/** Sends up to `limit` pending notices; returns how many were handled. */
export async function sendPendingVoteNotices(options: { limit?: number; sender?: SmsSender } = {}): Promise<number> {
  const sender = options.sender ?? configuredSender();
  let handled = 0;
  while (handled < (options.limit ?? 200) && (await sendOne(sender))) handled++;
  return handled;
}
