// Reads the facts an outcome notice is written from: the APPROVED report's own snapshot (the version
// the Front signed off and the leader approved), never the live tables. What the notice announces is
// what was approved; a change made to the data afterwards (which the freeze refuses, lib/reports/
// freeze.ts, but an operator could force in the database) cannot reach the notice.
import { db } from "@/lib/db";
import { conflict } from "@/lib/errors";
import type { AnswerKind, Channel, VotingUnit } from "@/lib/generated/prisma/enums";
import type { ReportSnapshot } from "@/lib/reports/snapshot";

import type { NoticeFacts } from "./compose";

/** At most this many distinct answers are quoted in the draft; staff trim or add by hand. */
const QUOTED_ANSWERS = 8;

const date = (iso: string | null) => (iso ? new Date(iso) : null);

/** The notice's facts from a report snapshot: pure, so that it is tested without a database. */
export function noticeFactsFromSnapshot(snapshot: ReportSnapshot, document: { label: string; issuedAt: Date } | null): NoticeFacts {
  const c = snapshot.consultation;
  const byChannel: Partial<Record<Channel, number>> = {};
  for (const row of snapshot.participation.byChannel) if (row.opinions > 0) byChannel[row.channel] = row.opinions;

  const counts: Record<AnswerKind, number> = { TAKEN_ON_BOARD: 0, EXPLAINED: 0, OUT_OF_SCOPE: 0 };
  // Answers in the order of the first opinion each one answers.
  const answerOrder: string[] = [];
  for (const o of snapshot.opinions) {
    const answer = o.answerId ? snapshot.answers[o.answerId] : undefined;
    if (!answer) continue;
    counts[answer.kind]++;
    if (!answerOrder.includes(o.answerId!)) answerOrder.push(o.answerId!);
  }
  const distinct = (kind: AnswerKind) =>
    [...new Set(answerOrder.map((id) => snapshot.answers[id]!).filter((a) => a.kind === kind).map((a) => a.body.trim()))].slice(0, QUOTED_ANSWERS);

  return {
    communeName: snapshot.commune.name,
    consultation: {
      title: c.title,
      commentStartsAt: date(c.commentStartsAt),
      commentEndsAt: date(c.commentEndsAt),
      villages: c.isCommuneWide ? null : [...snapshot.scopeVillages],
    },
    reportLabel: document?.label ?? null,
    reportIssuedAt: document?.issuedAt ?? null,
    opinions: { total: Object.values(byChannel).reduce((n, v) => n + (v ?? 0), 0), byChannel },
    onlineParticipants: snapshot.onlineParticipants ?? null,
    questions: snapshot.ballot.questions.map((q) => ({
      text: q.text,
      votingUnit: q.votingUnit as VotingUnit,
      participants: q.participants,
      eligible: q.eligible,
      agree: q.options.filter((o) => o.isAffirmative).reduce((n, o) => n + o.count, 0),
      rule: q.outcome.rule,
      thresholdPercent: q.outcome.thresholdPercent,
      numerator: q.outcome.numerator,
      denominator: q.outcome.denominator,
      percent: q.outcome.percent,
      passed: q.outcome.passed,
      secret: q.secret === true,
      // A decision counted village by village (Law 10/2022 Art. 21.1), as the approved report holds it.
      decision: q.villages && q.commune ? { villages: q.villages, commune: q.commune } : null,
    })),
    answers: { counts, takenOnBoard: distinct("TAKEN_ON_BOARD"), explained: distinct("EXPLAINED") },
  };
}

export async function loadNoticeFacts(communeId: string, consultationId: string): Promise<NoticeFacts> {
  const report = await db.report.findFirst({
    where: { consultationId, communeId, status: { in: ["APPROVED", "PUBLISHED"] } },
    select: { id: true, currentVersion: true, document: { select: { label: true, issuedAt: true } } },
  });
  if (!report || report.currentVersion < 1) throw conflict("noticeNeedsApprovedReport");
  // The notice cites the report by its number: where the office's own register gives numbers, wait for it (lib/register).
  if (report.document && !report.document.label) throw conflict("registerNumberAwaited");
  const version = await db.reportVersion.findUniqueOrThrow({
    where: { reportId_version: { reportId: report.id, version: report.currentVersion } },
    select: { snapshot: true },
  });
  return noticeFactsFromSnapshot(version.snapshot as unknown as ReportSnapshot, report.document && { label: report.document.label!, issuedAt: report.document.issuedAt });
}
