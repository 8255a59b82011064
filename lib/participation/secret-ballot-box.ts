// The ballot box of a secret question (bỏ phiếu kín). A secret vote is written as two things that
// nothing joins:
//   - the participation, a Vote row (who took part, the channel, the time, the receipt): what "one
//     household, one vote" and the receipt check need;
//   - the choice, as +1 on a counter of SecretBallotBox (question, village, channel, option, count):
//     no id, no timestamp, no sequence, no voter.
// No VoteChoice row is written for a secret question, and the vote's audit digest holds no choice.
//
// The counters are written so that even the rows' system columns say nothing: the vote's statement
// upserts EVERY option row of its question, village and channel, adding 1 to the chosen ones and 0 to
// the others, in option-id order. All the rows of a box therefore carry the same xmin (the last
// voter's transaction), move together on the page, and none shows which option changed. What remains
// visible to an operator reading one copy of the database is that the last participation of a
// village shares its transaction id with the box: that says who voted last, never what they chose.
// The limits (an operator who sees the box before AND after one vote: two snapshots, dead row
// versions read with pageinspect before vacuum, WAL archives, a statement log with parameters) are in
// the README, "Secret ballots".
import { Prisma } from "@/lib/generated/prisma/client";
import type { Channel } from "@/lib/generated/prisma/enums";

import { db } from "@/lib/db";

/** The channels whose choices arrive as counts in the box: WEB votes one by one, PAPER as a village's ballot count. */
export type BoxChannel = Extract<Channel, "WEB" | "PAPER">;

/** One vote's choices as counts: 1 for each option chosen. */
export const oneBallot = (optionIds: string[]): Record<string, number> => Object.fromEntries(optionIds.map((id) => [id, 1]));

/**
 * A data-modifying CTE body that adds `counts` (option id → number, absent = 0) to the box of a
 * question, village and channel, rewriting every option row of it. Only when the question is secret
 * (read from the database, not trusted from the caller); `gate` names a CTE that must have produced a
 * row (the vote written), or null.
 */
export function boxUpsertSql(
  target: { communeId: string; questionId: string; villageId: string; channel: BoxChannel },
  counts: Record<string, number>,
  gate: "v" | null,
): Prisma.Sql {
  const ids = Object.keys(counts);
  const ns = ids.map((id) => counts[id]!);
  const from = gate ? Prisma.sql`FROM v, "BallotOption" o` : Prisma.sql`FROM "BallotOption" o`;
  return Prisma.sql`
    INSERT INTO "SecretBallotBox" ("communeId", "questionId", "villageId", "channel", "optionId", "count")
    SELECT ${target.communeId}, ${target.questionId}, ${target.villageId}, ${target.channel}::"Channel", o."id",
           COALESCE((SELECT t.n FROM unnest(${ids}::text[], ${ns}::int[]) AS t(id, n) WHERE t.id = o."id"), 0)
    ${from} JOIN "BallotQuestion" q ON q."id" = o."questionId"
    WHERE o."questionId" = ${target.questionId} AND q."secret"
    ORDER BY o."id"
    ON CONFLICT ("questionId", "villageId", "channel", "optionId")
    DO UPDATE SET "count" = "SecretBallotBox"."count" + EXCLUDED."count"`;
}

export type BoxRow = { questionId: string; villageId: string; channel: BoxChannel; optionId: string; count: number };

/** The boxes of some questions, for the count. */
export async function readBoxes(questionIds: string[]): Promise<BoxRow[]> {
  if (questionIds.length === 0) return [];
  return db.$queryRaw<BoxRow[]>`
    SELECT "questionId", "villageId", "channel"::text AS "channel", "optionId", "count"
    FROM "SecretBallotBox" WHERE "questionId" = ANY(${questionIds}::text[])`;
}

type ParticipationRow = { questionId: string; villageId: string; channel: BoxChannel; live: number; voided: number };

export type SecretCounts = { box: BoxRow[]; participation: ParticipationRow[] };

/**
 * What the count of secret questions reads: the boxes, and per village and channel the participations
 * that stand and those voided (a contested vote, confirmed by the Front). A voided vote's choice stays
 * in the box (nothing says which count it went to); secret-vote-rules.ts isCertifiable weighs it.
 */
export async function loadSecretCounts(questionIds: string[]): Promise<SecretCounts> {
  if (questionIds.length === 0) return { box: [], participation: [] };
  const [box, participation] = await Promise.all([
    readBoxes(questionIds),
    db.$queryRaw<ParticipationRow[]>`
      SELECT "questionId", "villageId", "channel"::text AS "channel",
             count(*) FILTER (WHERE "voidedAt" IS NULL)::int AS "live", count(*) FILTER (WHERE "voidedAt" IS NOT NULL)::int AS "voided"
      FROM "Vote" WHERE "questionId" = ANY(${questionIds}::text[]) AND "channel" IN ('WEB', 'PAPER')
      GROUP BY 1, 2, 3`,
  ]);
  return { box, participation };
}

/** A secret question's individual figures for one village, in the shape the count takes (tally.ts VillageInput). */
export function secretIndividual(counts: SecretCounts, questionId: string, villageId: string): Partial<Record<BoxChannel, { voters: number; options: Record<string, number> }>> {
  const individual: Partial<Record<BoxChannel, { voters: number; options: Record<string, number> }>> = {};
  for (const p of counts.participation) {
    if (p.questionId === questionId && p.villageId === villageId) individual[p.channel] = { voters: p.live, options: {} };
  }
  for (const b of counts.box) {
    if (b.questionId !== questionId || b.villageId !== villageId) continue;
    const target = (individual[b.channel] ??= { voters: 0, options: {} });
    target.options[b.optionId] = b.count;
  }
  return individual;
}

/** Voided participations of a secret question, per village. */
export function voidedByVillage(counts: SecretCounts, questionId: string): Record<string, number> {
  const voided: Record<string, number> = {};
  for (const p of counts.participation) if (p.questionId === questionId && p.voided > 0) voided[p.villageId] = (voided[p.villageId] ?? 0) + p.voided;
  return voided;
}
