// Votes that reach the commune off the web: household paper ballots entered by staff (or the village
// head, for their own village), and assisted entry, where staff cast a vote or write an opinion for a
// resident who asked for help, recording who entered it and why. The same unique key as web votes
// holds one household (or person) to one vote across all of them.
import type { CommuneAccess } from "@/lib/auth/authorize";
import { loadCommuneSettings } from "@/lib/communes/commune-settings";
import { db } from "@/lib/db";
import { invalid, notFound } from "@/lib/errors";
import { appendAudit } from "@/lib/oversight/audit";
import { checkNotFrozen } from "@/lib/reports/freeze";

import { assertMayEnterFor, type Ballot, loadBallot, loadVoter, refuse } from "./ballot-scope";
import { checkChoices, checkHousehold, checkVoter, checkVoteWindow, voterKeyOf } from "./eligibility";
import { checkLateEntry } from "./late-entry";
import { type NewVote, recordVotes } from "./record-vote";
import { refuseSecretIndividualEntry } from "./secret-vote-rules";

type Answer = { questionId: string; optionIds: string[]; residentId?: string | null };

function questionOf(ballot: Ballot, answer: Answer, seen: Set<string>) {
  const question = ballot.questions.find((q) => q.id === answer.questionId);
  if (!question) throw invalid("unknownQuestion");
  if (seen.has(question.id)) throw invalid("questionAnsweredTwice");
  seen.add(question.id);
  const optionIds = [...new Set(answer.optionIds)];
  refuse(checkChoices({ kind: question.kind, maxChoices: question.maxChoices, optionIds: question.options.map((o) => o.id) }, optionIds), 422);
  return { question, optionIds };
}

/** A household's paper ballot: one vote per question answered, each with its receipt code. */
export async function enterPaperBallot(
  access: CommuneAccess,
  values: { consultationId: string; householdId: string; datedOn?: string | null; answers: Answer[] },
  now = new Date(),
) {
  await checkNotFrozen(db, values.consultationId); // checked again where the vote is written (record-vote.ts)
  const ballot = await loadBallot(access.communeId, values.consultationId);
  refuse(checkVoteWindow(ballot.window, "PAPER", now), 409);
  const { lateEntryDays } = await loadCommuneSettings(access.communeId);
  refuse(checkLateEntry(ballot.window, lateEntryDays, now, { datedOn: values.datedOn }), 409);
  const [household] = await db.$queryRaw<{ id: string; villageId: string; isActive: boolean; representativeId: string | null; members: { id: string; birthYear: number | null; isActive: boolean }[] }[]>`
    SELECT h."id", h."villageId", h."isActive", h."representativeId",
      COALESCE((SELECT json_agg(json_build_object('id', r."id", 'birthYear', r."birthYear", 'isActive', r."isActive"))
                FROM "Resident" r WHERE r."householdId" = h."id"), '[]'::json) AS "members"
    FROM "Household" h WHERE h."id" = ${values.householdId} AND h."communeId" = ${access.communeId}`;
  if (!household) throw notFound("householdNotFound");
  assertMayEnterFor(access, household.villageId);
  refuse(checkHousehold(ballot.window, household));

  const seen = new Set<string>();
  const votes: NewVote[] = values.answers.map((answer) => {
    const { question, optionIds } = questionOf(ballot, answer, seen);
    refuseSecretIndividualEntry(question, "PAPER");
    let residentId: string | null = null;
    if (question.votingUnit === "RESIDENT") {
      const member = household.members.find((m) => m.id === answer.residentId);
      if (!member) throw invalid("memberRequired", {}, { [`answers.${question.id}`]: "memberRequired" });
      refuse(checkVoter(ballot.window, "RESIDENT", { residentId: member.id, householdId: household.id, villageId: household.villageId, birthYear: member.birthYear, isActive: member.isActive, householdActive: household.isActive, representativeId: household.representativeId }, now));
      residentId = member.id;
    }
    return {
      communeId: access.communeId,
      consultationId: ballot.id,
      questionId: question.id,
      voterKey: voterKeyOf(question.votingUnit, { householdId: household.id, residentId }),
      householdId: household.id,
      residentId,
      villageId: household.villageId,
      userId: null,
      channel: "PAPER",
      enteredById: access.userId,
      assistReason: null,
      optionIds,
    };
  });
  const recorded = await recordVotes(votes, { actorId: access.userId, actorRole: access.actingRole, action: "vote.paper" });
  return recorded.map((r) => ({ questionId: r.questionId, receiptCode: r.receiptCode, createdAt: r.createdAt }));
}

/**
 * Assisted entry for a resident who asked for help (at the commune office, at home): votes on the
 * questions they answered and, if they wish, an opinion — entered in their name, with who entered
 * it and why, in one transaction.
 */
export async function enterAssisted(
  access: CommuneAccess,
  values: { consultationId: string; residentId: string; reason: string; answers: Omit<Answer, "residentId">[]; opinion: { body: string; stance: "SUPPORT" | "OPPOSE" | "OTHER" | null } | null },
  now = new Date(),
) {
  await checkNotFrozen(db, values.consultationId); // checked again where the vote is written (record-vote.ts)
  const ballot = await loadBallot(access.communeId, values.consultationId);
  refuse(checkVoteWindow(ballot.window, "ASSISTED", now), 409);
  const voter = await loadVoter(access.communeId, values.residentId).catch(() => {
    throw notFound("residentNotFound");
  });
  assertMayEnterFor(access, voter.villageId);
  refuse(checkHousehold(ballot.window, { isActive: voter.householdActive && voter.isActive, villageId: voter.villageId }));

  const seen = new Set<string>();
  const votes: NewVote[] = values.answers.map((answer) => {
    const { question, optionIds } = questionOf(ballot, answer, seen);
    refuseSecretIndividualEntry(question, "ASSISTED");
    refuse(checkVoter(ballot.window, question.votingUnit, voter, now));
    return {
      communeId: access.communeId,
      consultationId: ballot.id,
      questionId: question.id,
      voterKey: voterKeyOf(question.votingUnit, voter),
      householdId: voter.householdId,
      residentId: voter.residentId,
      villageId: voter.villageId,
      userId: null,
      channel: "ASSISTED",
      enteredById: access.userId,
      assistReason: values.reason,
      optionIds,
    };
  });

  const opinion = values.opinion;
  let opinionNumber: number | null = null;
  const recorded = await recordVotes(
    votes,
    { actorId: access.userId, actorRole: access.actingRole, action: "vote.assisted" },
    opinion
      ? async (tx) => {
          const { opinionSeq } = await tx.consultation.update({ where: { id: ballot.id }, data: { opinionSeq: { increment: 1 } }, select: { opinionSeq: true } });
          const row = await tx.opinion.create({
            data: {
              communeId: access.communeId,
              consultationId: ballot.id,
              number: opinionSeq,
              residentId: voter.residentId,
              householdId: voter.householdId,
              villageId: voter.villageId,
              // Public pages show a given name and the village, never the full name.
              displayName: `${voter.fullName.split(" ").at(-1)} (${voter.villageName})`,
              body: opinion.body,
              stance: opinion.stance,
              channel: "ASSISTED",
              enteredById: access.userId,
              assistReason: values.reason,
            },
            select: { id: true, number: true },
          });
          opinionNumber = row.number;
          await appendAudit(tx, {
            communeId: access.communeId,
            actorId: access.userId,
            actorRole: access.actingRole,
            action: "opinion.assisted",
            entityType: "Opinion",
            entityId: row.id,
            after: { body: opinion.body, stance: opinion.stance, residentId: voter.residentId, assistReason: values.reason },
            details: { consultationId: ballot.id, number: row.number, channel: "ASSISTED" },
          });
        }
      : undefined,
  );
  return { votes: recorded.map((r) => ({ questionId: r.questionId, receiptCode: r.receiptCode, createdAt: r.createdAt })), opinionNumber };
}
