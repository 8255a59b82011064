// Supervision by the Fatherland Front and the People's Inspection Board: notes on a consultation or an
// opinion that staff must answer (the report cannot be approved while one is open), and public flags
// whose text and answer everyone can read.
import type { CommuneAccess } from "@/lib/auth/authorize";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { conflict, invalid, notFound } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";

import { appendAudit } from "./audit";
import type { AnswerNoteValues, SupervisionNoteValues } from "./schemas";

export async function writeSupervisionNote(access: CommuneAccess, values: SupervisionNoteValues) {
  const consultation = await db.consultation.findFirst({
    where: { id: values.consultationId, communeId: access.communeId, status: { notIn: ["DRAFT", "SCHEDULED"] } },
    select: { id: true, title: true, commune: { select: { slug: true } } },
  });
  if (!consultation) throw notFound("consultationNotFound");
  if (values.opinionId) {
    const opinion = await db.opinion.findFirst({ where: { id: values.opinionId, consultationId: consultation.id }, select: { id: true } });
    if (!opinion) throw invalid("unknownOpinion", {}, { opinionId: "unknownOpinion" });
  }
  const staff = await db.membership.findMany({
    where: { communeId: access.communeId, role: { in: STAFF_ROLES }, status: "VERIFIED" },
    select: { userId: true },
    distinct: ["userId"],
  });
  return db.$transaction(async (tx) => {
    const note = await tx.supervisionNote.create({
      data: {
        communeId: access.communeId,
        consultationId: consultation.id,
        opinionId: values.opinionId,
        authorId: access.userId,
        body: values.body,
        isPublicFlag: values.isPublicFlag,
      },
      select: { id: true },
    });
    for (const s of staff) {
      await notify(tx, {
        communeId: access.communeId,
        userId: s.userId,
        kind: "noteReceived",
        params: { consultation: consultation.title },
        link: `/${consultation.commune.slug}/staff/consultations/${consultation.id}/opinions#notes`,
      });
    }
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: values.isPublicFlag ? "supervision.flag" : "supervision.note",
      entityType: "SupervisionNote",
      entityId: note.id,
      after: { body: values.body, opinionId: values.opinionId, isPublicFlag: values.isPublicFlag },
      details: { consultationId: consultation.id },
    });
    return note;
  });
}

export async function answerSupervisionNote(access: CommuneAccess, values: AnswerNoteValues, now = new Date()) {
  const note = await db.supervisionNote.findFirst({
    where: { id: values.noteId, communeId: access.communeId },
    select: { id: true, authorId: true, respondedAt: true, consultation: { select: { id: true, title: true, commune: { select: { slug: true } } } } },
  });
  if (!note) throw notFound("noteNotFound");
  if (note.respondedAt) throw conflict("noteAlreadyAnswered");
  return db.$transaction(async (tx) => {
    const { count } = await tx.supervisionNote.updateMany({
      where: { id: note.id, respondedAt: null },
      data: { response: values.response, respondedById: access.userId, respondedAt: now },
    });
    if (count !== 1) throw conflict("noteAlreadyAnswered");
    await notify(tx, {
      communeId: access.communeId,
      userId: note.authorId,
      kind: "noteAnswered",
      params: { consultation: note.consultation.title },
      link: `/${note.consultation.commune.slug}/front/consultations/${note.consultation.id}#notes`,
    });
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "supervision.answer",
      entityType: "SupervisionNote",
      entityId: note.id,
      after: { response: values.response },
      details: { consultationId: note.consultation.id },
    });
    return { respondedAt: now, consultationId: note.consultation.id, communeSlug: note.consultation.commune.slug };
  });
}

/** Notes still waiting for an answer: a report of this consultation cannot be approved while any remain. */
export const countUnansweredNotes = (consultationId: string) =>
  db.supervisionNote.count({ where: { consultationId, respondedAt: null } });

/** The Front's public flags on a consultation, with the commune's answers. */
export const listPublicFlags = (consultationId: string) =>
  db.supervisionNote.findMany({
    where: { consultationId, isPublicFlag: true },
    select: { id: true, body: true, response: true, respondedAt: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  });
