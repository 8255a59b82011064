import "server-only";

// The figures of the People's Committee's periodic report on grassroots democracy (Law 10/2022
// Art. 14.3 disclosure, Art. 23.1 decisions, Art. 28.5 consultations; the seed plan's II.7 and III),
// computed from the records of one period (Vietnam time), never typed in:
// - disclosed: every publication of the disclosure register published in the period, by channel;
// - consulted: consultations (dân tham gia ý kiến) published in the period, with their opinions;
// - decided: decision matters (dân bàn và quyết định) whose voting closed in the period, with the
//   households that took part of all households in scope, the verdict and the contribution decided;
// - opinions received in the period (the day a paper or call came in, else the day it was posted) and
//   answered, by channel (Art. 26.1); village meetings held; petitions, feedback, complaints and
//   denunciations received and resolved (counts only, never who); dialogue conferences held
//   (Art. 32); satisfaction ratings of the period's quarters (Art. 35.2.a, at least MIN_ANSWERS_SHOWN
//   answers before an average is shown).
// Each figure is also given per village where the record has a village.
import { vnDate as day } from "@/lib/calendar/working-days";
import { PUBLIC_STATUSES } from "@/lib/consultations/get-consultation";
import { db } from "@/lib/db";
import { listRegister } from "@/lib/disclosure/list-register";
import type { RegisterEntry } from "@/lib/disclosure/register-entry";
import type { CaseKind, Channel, ContributionUnit, PostingChannel } from "@/lib/generated/prisma/enums";
import { getBallotResults } from "@/lib/participation/get-results";
import { canShowAverages } from "@/lib/ratings/rules";

import { isInPeriod, periodDays, periodLabel, quartersOf, type ReportPeriod } from "./periods";

export const CHANNELS: readonly Channel[] = ["WEB", "PAPER", "MEETING", "ASSISTED", "COMMENT_BOX", "HOTLINE", "FRONT", "CONFERENCE"];
export const POSTING_CHANNELS: readonly PostingChannel[] = ["WEB_PORTAL", "NOTICE_BOARD", "LOUDSPEAKER", "VILLAGE_HEAD", "DOCUMENTS_TO_HOUSEHOLDS", "CONFERENCE", "MESSAGE_TO_HOUSEHOLDS", "SOCIAL_NETWORK"];
export const CASE_KINDS: readonly CaseKind[] = ["PETITION", "FEEDBACK", "COMPLAINT", "DENUNCIATION"];

export type DecidedMatter = {
  title: string;
  closedOn: string;
  /** Households (or residents) in scope, as the list stood when voting closed. */
  eligible: number;
  participants: number;
  /** Participants of eligible, percent with one decimal; null when nobody was eligible. */
  turnoutPercent: number | null;
  agree: number;
  passed: boolean | null;
  /** The contribution the households decided (Art. 15.1), if any: the level per household and its unit. */
  contribution: { unit: ContributionUnit; levelPerHousehold: number; valueAtLevel: number } | null;
};

export type VillageFigures = {
  villageId: string;
  name: string;
  opinions: number;
  meetings: number;
  meetingHouseholdsPresent: number;
  /** Households that took part in the decisions of the period, and all households in their scope. */
  decisionParticipants: number;
  decisionEligible: number;
  cases: number;
};

export type PeriodicFigures = {
  period: { key: string; kind: ReportPeriod["kind"]; label: string; firstDay: string; lastDay: string };
  computedAt: string;
  disclosed: { count: number; byChannel: Record<PostingChannel, number> };
  consulted: { count: number; opinions: number; items: { title: string; publishedOn: string; opinions: number }[] };
  decided: { count: number; passed: number; items: DecidedMatter[] };
  opinions: { received: number; answered: number; byChannel: { channel: Channel; received: number; answered: number }[] };
  meetings: { count: number; villages: number; householdsPresent: number; householdsTotal: number };
  cases: { received: number; resolved: number; pendingAtEnd: number; byKind: { kind: CaseKind; received: number; resolved: number }[] };
  dialogues: { held: number; attendance: number; questions: number; answered: number };
  ratings: { answers: number; overall: number | null };
  villages: VillageFigures[];
};

const percent = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 1000) / 10 : null);
/** A `@db.Date` column holds the Vietnam calendar day at UTC midnight. */
const dateColumn = (isoDay: string) => new Date(`${isoDay}T00:00:00Z`);

/** Entries of the disclosure register published in the period (a period never spans two years). */
export async function disclosedInPeriod(communeId: string, period: ReportPeriod, now = new Date()): Promise<RegisterEntry[]> {
  const commune = await db.commune.findUniqueOrThrow({ where: { id: communeId }, select: { id: true, slug: true, settings: true } });
  const entries = await listRegister(commune, period.year, now);
  return entries.filter((e) => isInPeriod(period, e.publishedAt)).reverse();
}

async function decidedMatters(communeId: string, period: ReportPeriod, now: Date) {
  const matters = await db.consultation.findMany({
    where: { communeId, matterKind: "DECISION", status: { in: PUBLIC_STATUSES }, closedAt: { gte: period.from, lt: period.to } },
    select: { id: true, title: true, closedAt: true },
    orderBy: [{ closedAt: "asc" }, { id: "asc" }],
  });
  const contributions = await db.contribution.findMany({
    where: { communeId, consultationId: { in: matters.map((m) => m.id) } },
    select: { consultationId: true, unit: true, levelPerHousehold: true },
  });
  const perVillage = new Map<string, { participants: number; eligible: number }>();
  const items: DecidedMatter[] = [];
  for (const m of matters) {
    const results = await getBallotResults(communeId, m.id, now);
    const q = results.visible ? (results.questions.find((x) => x.question.votingUnit === "HOUSEHOLD") ?? results.questions[0]) : undefined;
    for (const v of q?.villages ?? []) {
      const row = perVillage.get(v.villageId) ?? { participants: 0, eligible: 0 };
      perVillage.set(v.villageId, { participants: row.participants + v.participants, eligible: row.eligible + v.eligible });
    }
    const c = contributions.find((x) => x.consultationId === m.id);
    const eligible = q?.eligible ?? 0;
    items.push({
      title: m.title,
      closedOn: day(m.closedAt!),
      eligible,
      participants: q?.participants ?? 0,
      turnoutPercent: percent(q?.participants ?? 0, eligible),
      agree: q?.agree ?? 0,
      passed: q ? (q.commune?.passed ?? q.outcome.passed) : null,
      contribution: c ? { unit: c.unit, levelPerHousehold: c.levelPerHousehold, valueAtLevel: c.levelPerHousehold * eligible } : null,
    });
  }
  return { items, perVillage };
}

export async function computeFigures(communeId: string, period: ReportPeriod, now = new Date()): Promise<PeriodicFigures> {
  const inPeriod = { gte: period.from, lt: period.to };
  const { firstDay, lastDay } = periodDays(period);
  // An opinion brought in from paper, a call or a letter counts on the day it was received.
  const opinionWhere = {
    communeId,
    parentId: null,
    OR: [{ receivedOn: { gte: dateColumn(firstDay), lte: dateColumn(lastDay) } }, { receivedOn: null, createdAt: inPeriod }],
  };
  const [villages, register, consultations, decided, opinions, meetings, cases, resolved, pending, conferences, ratings] = await Promise.all([
    db.village.findMany({ where: { communeId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    disclosedInPeriod(communeId, period, now),
    db.consultation.findMany({
      where: { communeId, matterKind: "CONSULTATION", status: { in: PUBLIC_STATUSES }, publishedAt: inPeriod },
      select: { title: true, publishedAt: true, _count: { select: { opinions: { where: { parentId: null } } } } },
      orderBy: [{ publishedAt: "asc" }, { id: "asc" }],
    }),
    decidedMatters(communeId, period, now),
    db.opinion.findMany({ where: opinionWhere, select: { channel: true, answerId: true, villageId: true } }),
    db.meetingRecord.findMany({ where: { communeId, heldAt: inPeriod }, select: { villageId: true, householdsPresent: true, householdsTotal: true } }),
    db.case.findMany({ where: { communeId, mergedIntoId: null, receivedAt: inPeriod }, select: { kind: true, villageId: true } }),
    db.case.findMany({ where: { communeId, mergedIntoId: null, state: "RESOLVED", resolvedAt: inPeriod }, select: { kind: true } }),
    // Still open when the period ended: received by then, not resolved by then, neither refused nor transferred.
    db.case.count({
      where: { communeId, mergedIntoId: null, receivedAt: { lt: period.to }, state: { notIn: ["REFUSED", "TRANSFERRED"] }, OR: [{ resolvedAt: null }, { resolvedAt: { gte: period.to } }] },
    }),
    db.dialogueConference.findMany({
      where: { communeId, startsAt: inPeriod, recordedAt: { not: null } },
      select: { attendanceCount: true, questions: { where: { moderationState: "VISIBLE" }, select: { status: true } } },
    }),
    db.ratingAnswer.findMany({ where: { communeId, quarter: { in: quartersOf(period) } }, select: { overall: true } }),
  ]);

  const disclosedByChannel = Object.fromEntries(POSTING_CHANNELS.map((c) => [c, 0])) as Record<PostingChannel, number>;
  for (const e of register) for (const c of new Set(e.postings.map((p) => p.channel))) disclosedByChannel[c] += 1;

  const count = <T>(rows: T[], pick: (r: T) => boolean) => rows.filter(pick).length;
  const ratingTotal = ratings.reduce((n, r) => n + r.overall, 0);

  return {
    period: { key: period.key, kind: period.kind, label: periodLabel(period), firstDay, lastDay },
    computedAt: now.toISOString(),
    disclosed: { count: register.length, byChannel: disclosedByChannel },
    consulted: {
      count: consultations.length,
      opinions: consultations.reduce((n, c) => n + c._count.opinions, 0),
      items: consultations.map((c) => ({ title: c.title, publishedOn: day(c.publishedAt!), opinions: c._count.opinions })),
    },
    decided: { count: decided.items.length, passed: count(decided.items, (d) => d.passed === true), items: decided.items },
    opinions: {
      received: opinions.length,
      answered: count(opinions, (o) => o.answerId !== null),
      byChannel: CHANNELS.map((channel) => ({
        channel,
        received: count(opinions, (o) => o.channel === channel),
        answered: count(opinions, (o) => o.channel === channel && o.answerId !== null),
      })).filter((c) => c.received > 0),
    },
    meetings: {
      count: meetings.length,
      villages: new Set(meetings.map((m) => m.villageId)).size,
      householdsPresent: meetings.reduce((n, m) => n + m.householdsPresent, 0),
      householdsTotal: meetings.reduce((n, m) => n + m.householdsTotal, 0),
    },
    cases: {
      received: cases.length,
      resolved: resolved.length,
      pendingAtEnd: pending,
      byKind: CASE_KINDS.map((kind) => ({ kind, received: count(cases, (c) => c.kind === kind), resolved: count(resolved, (c) => c.kind === kind) })),
    },
    dialogues: {
      held: conferences.length,
      attendance: conferences.reduce((n, c) => n + (c.attendanceCount ?? 0), 0),
      questions: conferences.reduce((n, c) => n + c.questions.length, 0),
      answered: conferences.reduce((n, c) => n + count(c.questions, (q) => q.status !== "UNANSWERED"), 0),
    },
    ratings: { answers: ratings.length, overall: canShowAverages(ratings.length) ? Math.round((ratingTotal / ratings.length) * 10) / 10 : null },
    villages: villages.map((v) => {
      const ms = meetings.filter((m) => m.villageId === v.id);
      const d = decided.perVillage.get(v.id);
      return {
        villageId: v.id,
        name: v.name,
        opinions: count(opinions, (o) => o.villageId === v.id),
        meetings: ms.length,
        meetingHouseholdsPresent: ms.reduce((n, m) => n + m.householdsPresent, 0),
        decisionParticipants: d?.participants ?? 0,
        decisionEligible: d?.eligible ?? 0,
        cases: count(cases, (c) => c.villageId === v.id),
      };
    }),
  };
}
