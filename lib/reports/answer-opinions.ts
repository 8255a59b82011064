// Every opinion gets an official answer before the summary can be approved (Art. 26.2): taken on board
// (tiếp thu), explained (giải trình) or out of scope, with the reason. One answer may serve a group of
// similar opinions; replacing an answer keeps the old one for the opinions that still use it.
import { z } from "zod";

import type { CommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { invalid, notFound } from "@/lib/errors";
import { AnswerKind } from "@/lib/generated/prisma/enums";
import { appendAudit } from "@/lib/oversight/audit";
import { tellOpinionsAnswered } from "@/lib/telling/events";

import { assertNotFrozen } from "./freeze";

export const answerOpinionsSchema = z.object({
  communeId: z.string().min(1).max(40),
  consultationId: z.string().min(1).max(40),
  opinionIds: z.array(z.string().min(1).max(40)).min(1, { error: "noOpinionSelected" }).max(5000),
  kind: z.enum(AnswerKind),
  body: z.string().trim().min(10, { error: "answerTooShort" }).max(10_000, { error: "tooLong" }),
});

export type AnswerOpinionsValues = z.output<typeof answerOpinionsSchema>;

/** The opinions that need an answer: every opinion of the consultation that is not a reply. */
export const opinionsInScope = (consultationId: string) => ({ consultationId, parentId: null });

export async function answerOpinions(access: CommuneAccess, values: AnswerOpinionsValues) {
  const consultation = await db.consultation.findFirst({
    where: { id: values.consultationId, communeId: access.communeId },
    select: { id: true, status: true },
  });
  if (!consultation) throw notFound("consultationNotFound");
  const ids = [...new Set(values.opinionIds)];
  const found = await db.opinion.findMany({
    where: { id: { in: ids }, ...opinionsInScope(consultation.id) },
    select: { id: true, number: true, answerId: true },
  });
  if (found.length !== ids.length) throw invalid("unknownOpinion", {}, { opinionIds: "unknownOpinion" });

  return db.$transaction(async (tx) => {
    await assertNotFrozen(tx, consultation.id);
    const answer = await tx.opinionAnswer.create({
      data: { communeId: access.communeId, consultationId: consultation.id, kind: values.kind, body: values.body, answeredById: access.userId },
      select: { id: true },
    });
    await tx.opinion.updateMany({ where: { id: { in: ids } }, data: { answerId: answer.id } });
    await tellOpinionsAnswered(tx, { communeId: access.communeId, consultationId: consultation.id, answerId: answer.id, opinionIds: ids });
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "opinion.answer",
      entityType: "OpinionAnswer",
      entityId: answer.id,
      before: found.map((o) => ({ id: o.id, answerId: o.answerId })),
      after: { kind: values.kind, body: values.body, opinionIds: ids },
      details: { consultationId: consultation.id, numbers: found.map((o) => o.number).sort((a, b) => a - b), kind: values.kind },
    });
    return { answerId: answer.id, count: ids.length };
  });
}

/** What still stands in the way of approving the summary: unanswered opinions and supervision notes. */
export async function missingForApproval(consultationId: string) {
  const where = { ...opinionsInScope(consultationId), answerId: null };
  const [unansweredCount, unanswered, openNotes] = await Promise.all([
    db.opinion.count({ where }),
    db.opinion.findMany({ where, select: { id: true, number: true, body: true }, orderBy: { number: "asc" }, take: 50 }),
    db.supervisionNote.findMany({ where: { consultationId, respondedAt: null }, select: { id: true, body: true, createdAt: true } }),
  ]);
  return { unansweredCount, unanswered, openNotes, ready: unansweredCount === 0 && openNotes.length === 0 };
}
