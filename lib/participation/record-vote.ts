// The one way a vote row is written, whatever the channel: one statement inserts the vote, its
// choices and (for a single vote) its audit event. "One household, one vote" is the unique key on (questionId, voterKey): a second vote is
// refused by the database, and the refusal is translated into a message naming the vote that is
// already there — never a read-then-write that two requests could both pass.
import { randomBytes, randomUUID } from "node:crypto";

import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Channel } from "@/lib/generated/prisma/enums";
import { appendAudit, lockAuditChain } from "@/lib/oversight/audit";
import { auditAppendSql } from "@/lib/oversight/audit-statement";
import { checkNotFrozen, frozenReportCte } from "@/lib/reports/freeze";

import { generateReceiptCode } from "./receipt";
import { boxUpsertSql, oneBallot } from "./secret-ballot-box";

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
  /** A secret question: the choice goes to the ballot box, never with the vote (secret-ballot-box.ts). */
  secret?: boolean;
};

export type RecordedVote = { id: string; receiptCode: string; createdAt: Date; questionId: string };

/**
 * The vote and its choices as data-modifying CTEs, "v" (one row when written), "c" (the choices of an
 * open question) and "b" (the ballot box of a secret one). Which of c and b writes is read from the
 * question's own flag in the database, whatever the caller said. The vote is not written when the
 * village's figures for this question come from its meeting, nor once the consultation's report has
 * gone to the Front (lib/reports/freeze.ts: "frozen" locks the report row).
 */
function voteCtes(v: NewVote, vote: { id: string; receiptCode: string; createdAt: Date }): Prisma.Sql {
  // Times are written as UTC explicitly, whatever the session's time zone.
  const at = Prisma.sql`(${vote.createdAt.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
  return Prisma.sql`
    WITH frozen AS (${frozenReportCte(v.consultationId)}), v AS (
      INSERT INTO "Vote" ("id", "communeId", "consultationId", "questionId", "voterKey", "householdId", "residentId",
                          "villageId", "userId", "channel", "enteredById", "assistReason", "receiptCode", "createdAt", "updatedAt")
      SELECT ${vote.id}, ${v.communeId}, ${v.consultationId}, ${v.questionId}, ${v.voterKey}, ${v.householdId}, ${v.residentId},
             ${v.villageId}, ${v.userId}, ${v.channel}::"Channel", ${v.enteredById}, ${v.assistReason}, ${vote.receiptCode}, ${at}, ${at}
      WHERE NOT EXISTS (
        SELECT 1 FROM "VillageTallySource" s
        WHERE s."questionId" = ${v.questionId} AND s."villageId" = ${v.villageId} AND s."source" = 'MEETING'
      ) AND NOT EXISTS (SELECT 1 FROM frozen WHERE frozen."status" <> 'DRAFT')
      RETURNING "id"
    ), c AS (
      INSERT INTO "VoteChoice" ("voteId", "optionId", "communeId", "questionId")
      SELECT v."id", o, ${v.communeId}, ${v.questionId} FROM v, unnest(${v.optionIds}::text[]) AS o
      WHERE NOT EXISTS (SELECT 1 FROM "BallotQuestion" q WHERE q."id" = ${v.questionId} AND q."secret")
    ), b AS (${boxUpsertSql({ communeId: v.communeId, questionId: v.questionId, villageId: v.villageId, channel: v.channel === "PAPER" ? "PAPER" : "WEB" }, oneBallot(v.optionIds), "v")}
    )`;
}

const newVote = (v: NewVote) => ({ id: randomUUID(), receiptCode: generateReceiptCode(), createdAt: new Date(), questionId: v.questionId });

/** Inserts the vote and its choices in one round trip, inside a transaction. Null when the village counts its meeting. */
export async function insertVote(tx: Tx, v: NewVote): Promise<RecordedVote | null> {
  const vote = newVote(v);
  const rows = await tx.$queryRaw<{ id: string }[]>`${voteCtes(v, vote)} SELECT "id" FROM v`;
  return rows.length > 0 ? vote : null;
}

type AuditAs = { actorId: string; actorRole: string; action: string; details?: Record<string, string> };

const auditOf = (v: NewVote, vote: RecordedVote, audit: AuditAs) => ({
  communeId: v.communeId,
  actorId: audit.actorId,
  actorRole: audit.actorRole,
  action: audit.action,
  entityType: "Vote",
  entityId: vote.id,
  after: auditedVote(vote, v.secret ? "secret" : v.optionIds),
  details: { consultationId: v.consultationId, questionId: v.questionId, channel: v.channel, ...audit.details },
});

/**
 * The hot path: the vote, its choices and its audit event in a single statement (its own
 * transaction), so the commune's audit lock is held only inside the database, never across a
 * network round trip.
 */
async function writeVoteStatement(v: NewVote, audit: AuditAs): Promise<RecordedVote | null> {
  const vote = newVote(v);
  const rows = await db.$queryRaw<{ hash: string }[]>`${voteCtes(v, vote)} SELECT ${auditAppendSql(auditOf(v, vote, audit), vote.createdAt)} AS "hash" FROM v`;
  return rows.length > 0 ? vote : null;
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
  // findFirst, not findUnique: Prisma batches concurrent findUnique calls on a compound key into one
  // query, and under a burst of duplicates some of them came back empty.
  const existing = await db.vote.findFirst({
    where: { questionId, voterKey },
    select: { channel: true, createdAt: true },
  });
  const unit = voterKey.startsWith("H:") ? "HOUSEHOLD" : "RESIDENT";
  if (!existing) return new AppError("alreadyVotedUnknown", 409, { unit });
  return new AppError("alreadyVoted", 409, { unit, channel: existing.channel, time: vnTime(existing.createdAt), date: vnDate(existing.createdAt) });
}

/** Why an insert wrote nothing: the village's figures for this question come from its meeting. */
export async function villageMeetingError(questionId: string, villageId: string): Promise<AppError> {
  const source = await db.villageTallySource.findFirst({
    where: { questionId, villageId },
    select: { meetingId: true },
  });
  const meeting = source?.meetingId
    ? await db.meetingRecord.findUnique({ where: { id: source.meetingId }, select: { heldAt: true } })
    : null;
  return new AppError("villageCountedAtMeeting", 409, { date: meeting ? vnDate(meeting.heldAt) : "—" });
}

/**
 * What the audit log digests of a vote. The salt is 256 random bits drawn for this digest and never
 * stored or published: without it nobody (the receipt holder, who knows the code and could try each
 * option; an observer of the public log) can test a guess of the choice against the digest, so a
 * receipt cannot be used to prove a choice to someone buying or forcing votes. A secret vote's digest
 * holds no choice at all.
 */
export const auditedVote = (vote: { id: string; receiptCode: string }, optionIds: string[] | "secret") => ({
  voteId: vote.id,
  receiptCode: vote.receiptCode,
  ...(optionIds === "secret" ? {} : { optionIds: [...optionIds].sort() }),
  salt: randomBytes(32).toString("hex"),
});

/** Under a burst of votes, wait for a connection rather than fail after Prisma's default 2 s. */
const TX_OPTIONS = { maxWait: 60_000, timeout: 60_000 };

/** A vote that wrote nothing: the village counts its meeting, or the report went to the Front. */
class CountedAtMeeting extends Error {
  constructor(
    readonly consultationId: string,
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
  audit: AuditAs,
  /** Further writes of the same entry (an assisted opinion), in the same transaction. */
  alongside?: (tx: Tx) => Promise<unknown>,
): Promise<RecordedVote[]> {
  let current: NewVote | undefined;
  try {
    if (votes.length === 1 && !alongside) {
      current = votes[0]!;
      const vote = await writeVoteStatement(current, audit);
      if (!vote) throw new CountedAtMeeting(current.consultationId, current.questionId, current.villageId);
      return [vote];
    }
    return await db.$transaction(async (tx) => {
      // A secret vote locks its ballot box's rows: the chain lock first, the order of the single-statement path
      // too (its main query, audit_append, runs before the box CTE, which nothing references).
      if (votes.some((v) => v.secret)) await lockAuditChain(tx, votes[0]!.communeId);
      const recorded: RecordedVote[] = [];
      for (const v of votes) {
        current = v;
        const vote = await insertVote(tx, v);
        if (!vote) throw new CountedAtMeeting(v.consultationId, v.questionId, v.villageId);
        recorded.push(vote);
      }
      if (alongside) await alongside(tx);
      // The audit append takes the commune's chain lock: last, so that it is held for the shortest time.
      for (const [i, vote] of recorded.entries()) await appendAudit(tx, auditOf(votes[i]!, vote, audit));
      return recorded;
    }, TX_OPTIONS);
  } catch (error) {
    // The explanations are read after the rollback, outside the failed transaction.
    if (error instanceof CountedAtMeeting) {
      await checkNotFrozen(db, error.consultationId);
      throw await villageMeetingError(error.questionId, error.villageId);
    }
    if (current && isDuplicateVote(error)) throw await duplicateVoteError(current.questionId, current.voterKey);
    throw error;
  }
}
