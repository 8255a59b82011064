// A consultation's ballot results: a handful of aggregate queries (households or adults per village,
// votes per village and channel, choices per option, meeting records), counted by the pure rules of
// tally.ts. Hidden until the ballot closes unless the consultation shows results live; while voting is
// open the figures carry no verdict. Once closed, the households per village are those kept at close
// (closed-counts.ts). Voided votes (a contested vote, voided with the Front) are never counted.
import { db } from "@/lib/db";
import { onlineDecidingVillages } from "@/lib/online-deciding/load-conditions";
import type { Channel, MeetingForm, TallySource } from "@/lib/generated/prisma/enums";

import { type Ballot, loadBallot } from "./ballot-scope";
import { countingDay, eligibleOnDay, isVillageOnDay } from "@/lib/households/count-as-of";

import { frozenEligible } from "./closed-counts";
import { type CountingLaw, countingLawFor } from "./counting-rules";
import { isBallotClosed } from "./eligibility";
import { loadSecretCounts, secretIndividual } from "./secret-ballot-box";
import { secretNotes, type SecretNotes } from "./secret-results";
import { type IndividualChannel, type MeetingInput, type QuestionInfo, type QuestionResult, tallyQuestion, type VillageInput, withoutVerdict } from "./tally";

type CountRow = { questionId: string; villageId: string; channel: Channel; optionId?: string; n: number };

async function loadAggregates(communeId: string, ballot: Ballot, now: Date) {
  const questionIds = ballot.questions.map((q) => q.id);
  const scope = ballot.window.isCommuneWide ? null : ballot.window.villageIds;
  // Not yet kept at close: the list on the last day of voting once it has ended, today's before.
  const day = countingDay(ballot.window.commentEndsAt, now);
  const [villages, households, adults, frozen, voters, choices, meetings, sources, secret] = await Promise.all([
    // Every village the ballot may have been counted in; those of this day, or those kept at close, are picked below.
    db.village.findMany({ where: { communeId, ...(scope ? { id: { in: scope } } : {}) }, select: { id: true, name: true, retiredOn: true, establishedOn: true }, orderBy: { name: "asc" } }),
    eligibleOnDay(db, communeId, scope, "HOUSEHOLD", day),
    ballot.questions.some((q) => q.votingUnit === "RESIDENT") ? eligibleOnDay(db, communeId, scope, "RESIDENT", day) : new Map<string, number>(),
    frozenEligible(db, questionIds),
    db.$queryRaw<CountRow[]>`
      SELECT "questionId", "villageId", "channel", count(*)::int AS n
      FROM "Vote" WHERE "questionId" = ANY(${questionIds}::text[]) AND "voidedAt" IS NULL
      GROUP BY 1, 2, 3`,
    db.$queryRaw<CountRow[]>`
      SELECT c."questionId", v."villageId", v."channel", c."optionId", count(*)::int AS n
      FROM "VoteChoice" c JOIN "Vote" v ON v."id" = c."voteId"
      WHERE c."questionId" = ANY(${questionIds}::text[]) AND v."voidedAt" IS NULL
      GROUP BY 1, 2, 3, 4`,
    // Plain SQL rather than a Prisma relation read: see ballot-scope.ts on relation reads under load.
    db.$queryRaw<{ id: string; villageId: string; heldAt: Date; form: string; householdsPresent: number; householdsTotal: number; tallies: { questionId: string; optionId: string; count: number }[] }[]>`
      SELECT m."id", m."villageId", m."heldAt", m."form"::text AS "form", m."householdsPresent", m."householdsTotal",
        COALESCE((SELECT json_agg(json_build_object('questionId', t."questionId", 'optionId', t."optionId", 'count', t."count"))
                  FROM "MeetingTally" t WHERE t."meetingId" = m."id"), '[]'::json) AS "tallies"
      FROM "MeetingRecord" m WHERE m."consultationId" = ${ballot.id}`,
    db.villageTallySource.findMany({ where: { questionId: { in: questionIds } }, select: { questionId: true, villageId: true, source: true, meetingId: true } }),
    // A secret question's choices are in its ballot box, not in VoteChoice (secret-ballot-box.ts).
    loadSecretCounts(ballot.questions.filter((q) => q.secret).map((q) => q.id)),
  ]);
  const onDay = villages.filter((v) => isVillageOnDay(v, day));
  return { legalCategory: ballot.legalCategory, villages, onDay, households, adults, frozen, voters, choices, meetings, sources, secret };
}

function villageInputs(question: QuestionInfo, a: Awaited<ReturnType<typeof loadAggregates>>, online?: { villages: Set<string>; law: CountingLaw | null }): VillageInput[] {
  // Kept at close where the ballot has closed; the register as it stands while voting is open.
  const frozen = a.frozen.get(question.id);
  const eligible = frozen ?? (question.votingUnit === "HOUSEHOLD" ? a.households : a.adults);
  // A closed count covers the villages as they stood at the close: a village added later is not in it.
  const villages = frozen ? a.villages.filter((v) => frozen.has(v.id)) : a.onDay;
  return villages.map((village) => {
    const individual: VillageInput["individual"] = question.secret ? secretIndividual(a.secret, question.id, village.id) : {};
    for (const row of question.secret ? [] : a.voters) {
      if (row.questionId !== question.id || row.villageId !== village.id || row.channel === "MEETING") continue;
      individual[row.channel as IndividualChannel] = { voters: row.n, options: {} };
    }
    for (const row of a.choices) {
      if (row.questionId !== question.id || row.villageId !== village.id) continue;
      const counts = individual[row.channel as IndividualChannel];
      if (counts) counts.options[row.optionId!] = row.n;
    }
    const meetings: MeetingInput[] = a.meetings
      .filter((m) => m.villageId === village.id)
      .map((m) => ({
        id: m.id,
        heldAt: m.heldAt,
        form: m.form as MeetingForm,
        householdsPresent: m.householdsPresent,
        householdsTotal: m.householdsTotal,
        tallies: Object.fromEntries(m.tallies.filter((t) => t.questionId === question.id).map((t) => [t.optionId, t.count])),
      }));
    const decision = a.sources.find((s) => s.questionId === question.id && s.villageId === village.id);
    return {
      villageId: village.id,
      name: village.name,
      eligible: eligible.get(village.id) ?? 0,
      individual,
      meetings,
      decision: decision ? { source: decision.source as TallySource, meetingId: decision.meetingId } : null,
      // Decree 59/2023 Art. 5: web votes decide only in a village that met the online-deciding conditions.
      ...(online?.law && online.villages.has(village.id) ? { decidingChannels: online.law.decidingChannels } : {}),
    };
  });
}

/** A question counted; a secret one with its voided participations and uncertifiable villages. */
export type CountedQuestion = QuestionResult & { secrecy?: SecretNotes };

export type BallotResults =
  | { visible: false; closesAt: Date | null; questionCount: number }
  | { visible: true; final: boolean; closesAt: Date | null; questions: CountedQuestion[] };

/** Everything counted; for the results page and reports. `reveal` skips the hidden-until-close rule. */
export async function computeResults(communeId: string, ballot: Ballot, now = new Date()): Promise<CountedQuestion[]> {
  if (ballot.questions.length === 0) return [];
  const aggregates = await loadAggregates(communeId, ballot, now);
  // Online deciding (Decree 59/2023 Art. 5) is decided village by village (lib/online-deciding); the
  // matter itself must allow it (countingLawFor: Art. 15.6 only), else no village's web votes decide.
  const household = ballot.questions.find((q) => q.votingUnit === "HOUSEHOLD");
  const online =
    aggregates.legalCategory === "DECISION_OTHER_SELF_MANAGEMENT"
      ? await onlineDecidingVillages(communeId, ballot.id, (household && aggregates.frozen.get(household.id)) ?? aggregates.households)
      : new Set<string>();
  return ballot.questions.map((q) => {
    const opts = { isCommuneWide: ballot.window.isCommuneWide };
    const law = countingLawFor(aggregates.legalCategory, q, { ...opts, onlineDecidingMet: false });
    const question: QuestionInfo = { ...q, quorumPercent: q.quorumPercent ?? null, law };
    const onlineLaw = countingLawFor(aggregates.legalCategory, q, { ...opts, onlineDecidingMet: true });
    const result = tallyQuestion(question, villageInputs(question, aggregates, { villages: online, law: onlineLaw }));
    return q.secret ? { ...result, secrecy: secretNotes(result, aggregates.secret) } : result;
  });
}

/** The public view: nothing counted is shown before the ballot closes, unless results are live. */
export async function getBallotResults(communeId: string, consultationId: string, now = new Date()): Promise<BallotResults> {
  const ballot = await loadBallot(communeId, consultationId);
  const final = isBallotClosed(ballot.window, now);
  if (!final && !ballot.showResultsLive) return { visible: false, closesAt: ballot.commentEndsAt, questionCount: ballot.questions.length };
  const questions = await computeResults(communeId, ballot, now);
  return { visible: true, final, closesAt: ballot.commentEndsAt, questions: final ? questions : questions.map(withoutVerdict) };
}
