// Questions to a dialogue conference. Residents send them beforehand, in public, and agree with each
// other's (one agree per person and question, by the database); staff enter those raised on the day.
// Moderation works as for opinions (lib/oversight/moderation.ts): a question is hidden or restored with
// a reason, each step kept in DialogueModeration, the author told; nothing is deleted, and the Front
// sees hidden questions with their history. Staff answer every question: the answer, the official
// responsible, a deadline and a status (answered on the day, a commitment in progress, done).
import type { CommuneAccess } from "@/lib/auth/authorize";
import { startOfDayVn } from "@/lib/consultations/periods";
import { db, type Tx } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { notify } from "@/lib/notifications/notify";
import { appendAudit } from "@/lib/oversight/audit";
import { consumeRateLimit } from "@/lib/rate-limit";

import type { AnswerQuestionValues, AskQuestionValues, ModerateQuestionValues, RaiseQuestionValues } from "./schemas";

async function loadConference(communeId: string, conferenceId: string) {
  const conference = await db.dialogueConference.findFirst({
    where: { id: conferenceId, communeId },
    select: { id: true, title: true, startsAt: true, resultsPublishedAt: true },
  });
  if (!conference) throw notFound("dialogueNotFound");
  return conference;
}

async function nextNumber(tx: Tx, conferenceId: string) {
  // The conference row is locked, so that two questions at once never get the same number.
  await tx.$queryRaw`SELECT id FROM "DialogueConference" WHERE id = ${conferenceId} FOR UPDATE`;
  const last = await tx.dialogueQuestion.aggregate({ where: { conferenceId }, _max: { number: true } });
  return (last._max.number ?? 0) + 1;
}

/** Numbers and records a new question of the conference, with its audit event, in one transaction. */
function addQuestion(access: CommuneAccess, conferenceId: string, question: { source: "BEFOREHAND" | "ON_THE_DAY"; authorId?: string; askedBy?: string; body: string }) {
  return db.$transaction(async (tx) => {
    const number = await nextNumber(tx, conferenceId);
    const created = await tx.dialogueQuestion.create({ data: { communeId: access.communeId, conferenceId, number, ...question }, select: { id: true, number: true } });
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: question.source === "BEFOREHAND" ? "dialogue.question.ask" : "dialogue.question.raise",
      entityType: "DialogueQuestion",
      entityId: created.id,
      after: { askedBy: question.askedBy ?? null, body: question.body },
      details: { conferenceId, number },
    });
    return created;
  });
}

/** A resident sends a question before the conference starts. */
export async function askQuestion(access: CommuneAccess, values: AskQuestionValues, now = new Date()) {
  await consumeRateLimit("opinion", access.userId);
  const conference = await loadConference(access.communeId, values.conferenceId);
  if (now >= conference.startsAt) throw conflict("dialogueQuestionsClosed");
  return addQuestion(access, conference.id, { source: "BEFOREHAND", authorId: access.userId, body: values.body });
}

async function loadQuestion(communeId: string, questionId: string) {
  const question = await db.dialogueQuestion.findFirst({
    where: { id: questionId, communeId },
    select: { id: true, number: true, authorId: true, moderationState: true, status: true, deadline: true, conference: { select: { id: true, title: true, startsAt: true } } },
  });
  if (!question) throw notFound("dialogueQuestionNotFound");
  return question;
}

/** A resident agrees with someone else's visible question, once. */
export async function agreeQuestion(access: CommuneAccess, questionId: string, now = new Date()) {
  const question = await loadQuestion(access.communeId, questionId);
  if (question.moderationState !== "VISIBLE") throw notFound("dialogueQuestionNotFound");
  if (question.authorId === access.userId) throw conflict("dialogueOwnQuestion");
  if (now >= question.conference.startsAt) throw conflict("dialogueQuestionsClosed");
  try {
    return await db.$transaction(async (tx) => {
      await tx.dialogueQuestionAgree.create({ data: { questionId: question.id, communeId: access.communeId, userId: access.userId } });
      const { agreeCount } = await tx.dialogueQuestion.update({ where: { id: question.id }, data: { agreeCount: { increment: 1 } }, select: { agreeCount: true } });
      await appendAudit(tx, {
        communeId: access.communeId,
        actorId: access.userId,
        actorRole: access.actingRole,
        action: "dialogue.question.agree",
        entityType: "DialogueQuestion",
        entityId: question.id,
        details: { conferenceId: question.conference.id, number: question.number, agreeCount },
      });
      return { agreeCount };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw conflict("dialogueAlreadyAgreed");
    throw error;
  }
}

/** Staff hide or restore a question with a reason; the author is told. */
export async function moderateQuestion(access: CommuneAccess, values: ModerateQuestionValues) {
  const question = await loadQuestion(access.communeId, values.questionId);
  const target = values.action === "HIDE" ? "HIDDEN" : "VISIBLE";
  if (question.moderationState === target) throw conflict("alreadyInState", { state: target });
  const commune = await db.commune.findUniqueOrThrow({ where: { id: access.communeId }, select: { slug: true } });
  return db.$transaction(async (tx) => {
    const { count } = await tx.dialogueQuestion.updateMany({ where: { id: question.id, moderationState: question.moderationState }, data: { moderationState: target } });
    if (count !== 1) throw conflict("changedMeanwhile");
    await tx.dialogueModeration.create({
      data: { communeId: access.communeId, questionId: question.id, action: values.action, reason: values.reason, details: values.details, actorId: access.userId },
    });
    if (question.authorId) {
      await notify(tx, {
        communeId: access.communeId,
        userId: question.authorId,
        kind: values.action === "HIDE" ? "dialogueQuestionHidden" : "dialogueQuestionRestored",
        params: { number: question.number, conference: question.conference.title, reason: values.reason, details: values.details },
        link: `/${commune.slug}/dialogues/${question.conference.id}#question-${question.number}`,
      });
    }
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: values.action === "HIDE" ? "dialogue.question.hide" : "dialogue.question.restore",
      entityType: "DialogueQuestion",
      entityId: question.id,
      before: { moderationState: question.moderationState },
      after: { moderationState: target, reason: values.reason, details: values.details },
      details: { conferenceId: question.conference.id, number: question.number, reason: values.reason },
    });
    return { moderationState: target };
  });
}

/** Staff enter a question raised at the conference, once it has begun. */
export async function raiseQuestion(access: CommuneAccess, values: RaiseQuestionValues, now = new Date()) {
  const conference = await loadConference(access.communeId, values.conferenceId);
  if (now < conference.startsAt) throw conflict("dialogueNotHeldYet");
  return addQuestion(access, conference.id, { source: "ON_THE_DAY", askedBy: values.askedBy, body: values.body });
}

/** Staff record the answer given, with who is responsible, by when, and where it stands. */
export async function answerQuestion(access: CommuneAccess, values: AnswerQuestionValues, now = new Date()) {
  const question = await loadQuestion(access.communeId, values.questionId);
  if (now < question.conference.startsAt) throw conflict("dialogueNotHeldYet");
  const deadline = values.deadline ? startOfDayVn(values.deadline) : null;
  return db.$transaction(async (tx) => {
    const saved = await tx.dialogueQuestion.update({
      where: { id: question.id },
      data: { answer: values.answer, responsible: values.responsible || null, deadline, status: values.status, doneAt: values.status === "DONE" ? now : null },
      select: { id: true, status: true },
    });
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "dialogue.question.answer",
      entityType: "DialogueQuestion",
      entityId: question.id,
      before: { status: question.status, deadline: question.deadline?.toISOString() ?? null },
      after: { answer: values.answer, responsible: values.responsible, deadline: values.deadline, status: values.status },
      details: { conferenceId: question.conference.id, number: question.number, status: values.status },
    });
    return saved;
  });
}

/** A commitment is kept: staff mark it done. */
export async function markCommitmentDone(access: CommuneAccess, questionId: string, now = new Date()) {
  const question = await loadQuestion(access.communeId, questionId);
  if (question.status !== "IN_PROGRESS") throw conflict("dialogueNotACommitment");
  return db.$transaction(async (tx) => {
    const { count } = await tx.dialogueQuestion.updateMany({ where: { id: question.id, status: "IN_PROGRESS" }, data: { status: "DONE", doneAt: now } });
    if (count !== 1) throw conflict("changedMeanwhile");
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "dialogue.commitment.done",
      entityType: "DialogueQuestion",
      entityId: question.id,
      before: { status: "IN_PROGRESS" },
      after: { status: "DONE", doneAt: now.toISOString() },
      details: { conferenceId: question.conference.id, number: question.number, late: question.deadline !== null && now > question.deadline },
    });
    return { status: "DONE" as const };
  });
}
