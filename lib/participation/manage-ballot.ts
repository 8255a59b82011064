// Staff set up a consultation's ballot while it is a draft: questions with their voting unit,
// threshold and meeting quorum, and the vote channels. The lawful-channel rule is checked with a
// ballot in mind: an online vote alone may decide only "other self-management matters" (Art. 15.6),
// and an online vote needs the prior notice to the People's Committee and the Front.
import type { CommuneAccess } from "@/lib/auth/authorize";
import { checkChannels, ruleFor } from "@/lib/consultations/legal-rules";
import { startOfDayVn, toVnDate } from "@/lib/consultations/periods";
import { db } from "@/lib/db";
import { conflict, invalid, notFound } from "@/lib/errors";
import type { Channel } from "@/lib/generated/prisma/enums";
import { appendAudit } from "@/lib/oversight/audit";
import { loadCommuneSettings } from "@/lib/communes/commune-settings";
import { assertNotFrozen } from "@/lib/reports/freeze";

import { VOTE_CHANNEL_VALUES, type QuestionValues } from "./ballot-schemas";
import { checkQuestionFloor } from "./counting-rules";
import { isSecretByDefault } from "./secret-vote-rules";

/** The fixed options of a yes/no question, in the commune's language: agree, disagree, other. */
export const YES_NO_OPTIONS = [
  { label: "Đồng ý", isAffirmative: true },
  { label: "Không đồng ý", isAffirmative: false },
  { label: "Ý kiến khác", isAffirmative: false },
];

async function loadDraft(communeId: string, consultationId: string) {
  const c = await db.consultation.findFirst({
    where: { id: consultationId, communeId },
    select: { id: true, status: true, legalCategory: true, allowedChannels: true, onlineVoteNoticeAt: true, showResultsLive: true, _count: { select: { questions: true } } },
  });
  if (!c) throw notFound("consultationNotFound");
  // Once residents can vote, the ballot they vote on does not change under them.
  if (c.status !== "DRAFT" && c.status !== "SCHEDULED") throw conflict("ballotLocked");
  return c;
}

function assertLawfulChannels(c: { legalCategory: Parameters<typeof checkChannels>[0]["category"] }, channels: Channel[], noticeGiven: boolean) {
  const problem = checkChannels({ category: c.legalCategory, channels, hasBallot: true, onlineVoteNoticeGiven: noticeGiven });
  if (problem) throw invalid(problem.code, {}, { channels: problem.code });
}

/** The law's floors, and the commune's higher figure, for a question on a decision matter (Art. 21.1). */
async function assertThresholdFloor(communeId: string, category: Parameters<typeof ruleFor>[0], values: QuestionValues) {
  const problem = checkQuestionFloor(category, values, ruleFor(category, await loadCommuneSettings(communeId)).thresholdPercent);
  if (!problem) return;
  const field = problem.code === "decisionNeedsHouseholds" ? "votingUnit" : problem.code === "thresholdBelowFloor" ? "thresholdPercent" : "thresholdRule";
  throw invalid(problem.code, problem.params, { [field]: problem.code });
}

export async function addQuestion(access: CommuneAccess, values: QuestionValues) {
  const c = await loadDraft(access.communeId, values.consultationId);
  assertLawfulChannels(c, c.allowedChannels, c.onlineVoteNoticeAt !== null);
  await assertThresholdFloor(access.communeId, c.legalCategory, values);
  const options = values.kind === "YES_NO_ABSTAIN" ? YES_NO_OPTIONS : values.options;
  return db.$transaction(async (tx) => {
    await assertNotFrozen(tx, c.id);
    const question = await tx.ballotQuestion.create({
      data: {
        communeId: access.communeId,
        consultationId: c.id,
        position: c._count.questions,
        text: values.text,
        kind: values.kind,
        votingUnit: values.votingUnit,
        maxChoices: values.kind === "MULTIPLE_CHOICE" ? values.maxChoices : 1,
        thresholdRule: values.thresholdRule,
        thresholdPercent: values.thresholdPercent,
        quorumPercent: values.quorumPercent,
        secret: values.secret ?? isSecretByDefault(c.legalCategory),
      },
      select: { id: true, position: true, secret: true },
    });
    await tx.ballotOption.createMany({
      data: options.map((o, i) => ({ communeId: access.communeId, questionId: question.id, position: i, label: o.label, isAffirmative: o.isAffirmative })),
    });
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "ballot.question.add",
      entityType: "BallotQuestion",
      entityId: question.id,
      after: { ...values, options },
      details: { consultationId: c.id, position: question.position, kind: values.kind, votingUnit: values.votingUnit, thresholdRule: values.thresholdRule, secret: question.secret },
    });
    return question;
  });
}

export async function removeQuestion(access: CommuneAccess, questionId: string) {
  const question = await db.ballotQuestion.findFirst({ where: { id: questionId, communeId: access.communeId }, select: { id: true, consultationId: true, text: true } });
  if (!question) throw notFound("questionNotFound");
  await loadDraft(access.communeId, question.consultationId);
  return db.$transaction(async (tx) => {
    await assertNotFrozen(tx, question.consultationId);
    await tx.ballotQuestion.delete({ where: { id: question.id } });
    // Keep positions dense: questions are numbered 1, 2, 3 on the ballot.
    const rest = await tx.ballotQuestion.findMany({ where: { consultationId: question.consultationId }, select: { id: true }, orderBy: { position: "asc" } });
    for (const [i, q] of rest.entries()) await tx.ballotQuestion.update({ where: { id: q.id }, data: { position: i } });
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "ballot.question.remove",
      entityType: "BallotQuestion",
      entityId: question.id,
      before: question,
      details: { consultationId: question.consultationId },
    });
    return { id: question.id };
  });
}

/**
 * The vote channels of the consultation (its other channels, for opinions, stay as they are), the
 * date of the prior notice for an online vote, and whether results show while voting is open.
 */
export async function updateVoteSettings(
  access: CommuneAccess,
  values: { consultationId: string; channels: (typeof VOTE_CHANNEL_VALUES)[number][]; onlineVoteNoticeOn: string | null; showResultsLive: boolean },
  now = new Date(),
) {
  const c = await loadDraft(access.communeId, values.consultationId);
  if (values.onlineVoteNoticeOn && values.onlineVoteNoticeOn > toVnDate(now)) {
    throw invalid("noticeInFuture", {}, { onlineVoteNoticeOn: "noticeInFuture" });
  }
  const others = c.allowedChannels.filter((ch) => !(VOTE_CHANNEL_VALUES as readonly string[]).includes(ch));
  const allowedChannels = [...others, ...new Set(values.channels)] as Channel[];
  if (allowedChannels.length === 0) throw invalid("noChannel", {}, { channels: "noChannel" });
  const onlineVoteNoticeAt = values.channels.includes("WEB") && values.onlineVoteNoticeOn ? startOfDayVn(values.onlineVoteNoticeOn) : null;
  if (c._count.questions > 0) assertLawfulChannels(c, allowedChannels, onlineVoteNoticeAt !== null);
  const before = { allowedChannels: c.allowedChannels, onlineVoteNoticeAt: c.onlineVoteNoticeAt, showResultsLive: c.showResultsLive };
  const after = { allowedChannels, onlineVoteNoticeAt, showResultsLive: values.showResultsLive };
  return db.$transaction(async (tx) => {
    await assertNotFrozen(tx, c.id);
    await tx.consultation.update({ where: { id: c.id }, data: after });
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "ballot.settings",
      entityType: "Consultation",
      entityId: c.id,
      before,
      after,
      details: { allowedChannels, onlineVoteNotice: onlineVoteNoticeAt?.toISOString() ?? null, showResultsLive: values.showResultsLive },
    });
    return after;
  });
}
