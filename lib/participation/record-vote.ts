// The one way a vote row is written, whatever the channel: one statement inserts the vote and its
// choices. "One household, one vote" is the unique key on (questionId, voterKey): a second vote is
// refused by the database, and the refusal is translated into a message naming the vote that is
// already there — never a read-then-write that two requests could both pass.
import { randomUUID } from "node:crypto";

import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Channel } from "@/lib/generated/prisma/enums";
import { appendAudit } from "@/lib/oversight/audit";

import { generateReceiptCode } from "./receipt";

export type NewVote = {
  communeId: string;
  consultationId: string;
  questionId: string;
  voterKey: string;
  householdId: string | null;
  residentId: string | null;
  villageId: string;
  userId: string | null;
  channel: Exclude<Channel, "MEETING">;
  enteredById: string | null;
  assistReason: string | null;
  optionIds: string[];
};

export type RecordedVote = { id: string; receiptCode: string; createdAt: Date; questionId: string };

/**
 * Inserts the vote and its choices in one round trip. Returns null, writing nothing, when the
 * village's figures for this question come from its meeting (individual votes would not count).
 */
export async function insertVote(tx: Tx, v: NewVote): Promise<RecordedVote | null> {
  const id = randomUUID();
  const receiptCode = generateReceiptCode();
  const rows = await tx.$queryRaw<{ createdAt: Date }[]>`
    WITH v AS (
      INSERT INTO "Vote" ("id", "communeId", "consultationId", "questionId", "voterKey", "householdId", "residentId",
                          "villageId", "userId", "channel", "enteredById", "assistReason", "receiptCode", "updatedAt")
      SELECT ${id}, ${v.communeId}, ${v.consultationId}, ${v.questionId}, ${v.voterKey}, ${v.householdId}, ${v.residentId},
             ${v.villageId}, ${v.userId}, ${v.channel}::"Channel", ${v.enteredById}, ${v.assistReason}, ${receiptCode}, now()
      WHERE NOT EXISTS (
        SELECT 1 FROM "VillageTallySource" s
        WHERE s."questionId" = ${v.questionId} AND s."villageId" = ${v.villageId} AND s."source" = 'MEETING'
      )
      RETURNING "id", "createdAt"
    ), c AS (
      INSERT INTO "VoteChoice" ("voteId", "optionId", "communeId", "questionId")
      SELECT v."id", o, ${v.communeId}, ${v.questionId} FROM v, unnest(${v.optionIds}::text[]) AS o
    )
    SELECT "createdAt" FROM v`;
  const row = rows[0];
  return row ? { id, receiptCode, createdAt: row.createdAt, questionId: v.questionId } : null;
}

/** Whether an error is the database refusing a second vote of the same household or person. */
export function isDuplicateVote(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  const text = JSON.stringify(error.meta ?? {}) + error.message;
  if (error.code === "P2002") return /voterKey/.test(text) || /Vote_questionId_voterKey_key/.test(text);
  return error.code === "P2010" && /23505/.test(text) && /Vote_questionId_voterKey_key/.test(text);
}

const VN_TIME = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Ho_Chi_Minh", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const VN_DATE = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Ho_Chi_Minh", day: "2-digit", month: "2-digit", year: "numeric" });

/** "09:14" and "03/12/2026", Vietnam time, as written on a paper record in either language. */
export const vnTime = (d: Date) => VN_TIME.format(d);
export const vnDate = (d: Date) => VN_DATE.format(d);

/**
 * The refusal of a duplicate: reads the vote already there (committed, since the unique index made
 * the second insert wait for it) and names its channel and time, e.g. "This household already voted
 * online at 09:14 on 03/12/2026".
 */
export async function duplicateVoteError(questionId: string, voterKey: string): Promise<AppError> {
  const existing = await db.vote.findUnique({
    where: { questionId_voterKey: { questionId, voterKey } },
    select: { channel: true, createdAt: true },
  });
  const unit = voterKey.startsWith("H:") ? "HOUSEHOLD" : "RESIDENT";
  if (!existing) return new AppError("alreadyVotedUnknown", 409, { unit });
  return new AppError("alreadyVoted", 409, { unit, channel: existing.channel, time: vnTime(existing.createdAt), date: vnDate(existing.createdAt) });
}

/** Why an insert wrote nothing: the village's figures for this question come from its meeting. */
export async function villageMeetingError(questionId: string, villageId: string): Promise<AppError> {
  const source = await db.villageTallySource.findUnique({
    where: { questionId_villageId: { questionId, villageId } },
    select: { meetingId: true },
  });
  const meeting = source?.meetingId
    ? await db.meetingRecord.findUnique({ where: { id: source.meetingId }, select: { heldAt: true } })
    : null;
  return new AppError("villageCountedAtMeeting", 409, { date: meeting ? vnDate(meeting.heldAt) : "—" });
}

/** What the audit log keeps of a vote: a digest that the receipt holder can verify, never the choice. */
export const auditedVote = (vote: { id: string; receiptCode: string }, optionIds: string[]) => ({
  voteId: vote.id,
  receiptCode: vote.receiptCode,
  optionIds: [...optionIds].sort(),
});

class CountedAtMeeting extends Error {
  constructor(
    readonly questionId: string,
    readonly villageId: string,
  ) {
    super("village counted at its meeting");
  }
}

/**
 * Writes votes (one per question) and their audit events in one transaction. A duplicate on any of
 * them refuses the whole entry: nothing half-written.
 */
export async function recordVotes(
  votes: NewVote[],
  audit: { actorId: string; actorRole: string; action: string; details?: Record<string, string> },
  /** Further writes of the same entry (an assisted opinion), in the same transaction. */
  alongside?: (tx: Tx) => Promise<unknown>,
): Promise<RecordedVote[]> {
  let current: NewVote | undefined;
  try {
    return await db.$transaction(async (tx) => {
      const recorded: RecordedVote[] = [];
      for (const v of votes) {
        current = v;
        const vote = await insertVote(tx, v);
        if (!vote) throw new CountedAtMeeting(v.questionId, v.villageId);
        recorded.push(vote);
      }
      if (alongside) await alongside(tx);
      // The audit append takes the commune's chain lock: last, so that it is held for the shortest time.
      for (const [i, vote] of recorded.entries()) {
        const v = votes[i]!;
        await appendAudit(tx, {
          communeId: v.communeId,
          actorId: audit.actorId,
          actorRole: audit.actorRole,
          action: audit.action,
          entityType: "Vote",
          entityId: vote.id,
          after: auditedVote(vote, v.optionIds),
          details: { consultationId: v.consultationId, questionId: v.questionId, channel: v.channel, ...audit.details },
        });
      }
      return recorded;
    });
  } catch (error) {
    // The explanations are read after the rollback, outside the failed transaction.
    if (error instanceof CountedAtMeeting) throw await villageMeetingError(error.questionId, error.villageId);
    if (current && isDuplicateVote(error)) throw await duplicateVoteError(current.questionId, current.voterKey);
    throw error;
  }
}
