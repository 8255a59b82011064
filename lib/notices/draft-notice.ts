// Reads the facts an outcome notice is written from: the consultation, its approved report, opinions
// by channel, ballot results with thresholds, and the answers given.
import { db } from "@/lib/db";
import type { AnswerKind, Channel } from "@/lib/generated/prisma/enums";
import { loadBallot } from "@/lib/participation/ballot-scope";
import { computeResults } from "@/lib/participation/get-results";
import { villageRows } from "@/lib/participation/tally";

import type { NoticeFacts } from "./compose";
import { countParticipants } from "./participants";

/** At most this many distinct answers are quoted in the draft; staff trim or add by hand. */
const QUOTED_ANSWERS = 8;

export async function loadNoticeFacts(communeId: string, consultationId: string): Promise<NoticeFacts> {
  const consultation = await db.consultation.findFirstOrThrow({
    where: { id: consultationId, communeId },
    select: {
      title: true,
      commentStartsAt: true,
      commentEndsAt: true,
      isCommuneWide: true,
      villages: { select: { villageId: true } },
      commune: { select: { name: true } },
      report: { select: { document: { select: { label: true, issuedAt: true } } } },
    },
  });
  const villageIds = consultation.villages.map((v) => v.villageId);
  const [villages, byChannel, answers, answerCounts, ballot, participants] = await Promise.all([
    villageIds.length ? db.village.findMany({ where: { id: { in: villageIds } }, select: { name: true }, orderBy: { name: "asc" } }) : [],
    db.opinion.groupBy({ by: ["channel"], where: { consultationId, parentId: null }, _count: { _all: true } }),
    db.opinionAnswer.findMany({
      where: { consultationId, kind: { in: ["TAKEN_ON_BOARD", "EXPLAINED"] }, opinions: { some: {} } },
      select: { kind: true, body: true },
      orderBy: { answeredAt: "asc" },
    }),
    db.$queryRaw<{ kind: AnswerKind; n: bigint }[]>`
      SELECT a."kind", COUNT(o."id") AS n FROM "Opinion" o JOIN "OpinionAnswer" a ON a."id" = o."answerId"
      WHERE o."consultationId" = ${consultationId} AND o."parentId" IS NULL GROUP BY a."kind"`,
    loadBallot(communeId, consultationId),
    countParticipants(consultationId),
  ]);
  const results = await computeResults(communeId, ballot);
  const counts: Record<AnswerKind, number> = { TAKEN_ON_BOARD: 0, EXPLAINED: 0, OUT_OF_SCOPE: 0 };
  for (const row of answerCounts) counts[row.kind] = Number(row.n);
  const distinct = (kind: AnswerKind) => [...new Set(answers.filter((a) => a.kind === kind).map((a) => a.body.trim()))].slice(0, QUOTED_ANSWERS);

  return {
    communeName: consultation.commune.name,
    consultation: {
      title: consultation.title,
      commentStartsAt: consultation.commentStartsAt,
      commentEndsAt: consultation.commentEndsAt,
      villages: consultation.isCommuneWide ? null : villages.map((v) => v.name),
    },
    reportLabel: consultation.report?.document?.label ?? null,
    reportIssuedAt: consultation.report?.document?.issuedAt ?? null,
    opinions: {
      total: byChannel.reduce((sum, r) => sum + r._count._all, 0),
      byChannel: Object.fromEntries(byChannel.map((r) => [r.channel, r._count._all])) as Partial<Record<Channel, number>>,
    },
    onlineParticipants: participants,
    questions: results.map((r) => ({
      text: r.question.text,
      votingUnit: r.question.votingUnit,
      participants: r.participants,
      eligible: r.eligible,
      agree: r.agree,
      rule: r.outcome.rule,
      thresholdPercent: r.outcome.thresholdPercent,
      numerator: r.outcome.numerator,
      denominator: r.outcome.denominator,
      percent: r.outcome.percent,
      passed: r.outcome.passed,
      decision: r.commune ? { villages: villageRows(r), commune: r.commune } : null,
    })),
    answers: { counts, takenOnBoard: distinct("TAKEN_ON_BOARD"), explained: distinct("EXPLAINED") },
  };
}
