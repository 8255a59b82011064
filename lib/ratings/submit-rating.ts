import "server-only";

// A person rates a subject they were invited to, once (Law 10/2022 Art. 35.2.a). Two rows, one
// transaction: the invitation is marked as rated (a guarded update: only an invitation not yet rated
// moves, so two clicks or two tabs give one rating), and the answers are stored on their own, with no
// person, no invitation, no time but the quarter and a random id. The audit event records that the
// person rated, never what they answered; nothing links the answers back to them, staff included.
import type { CommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import { appendAudit } from "@/lib/oversight/audit";

import { quarterOf } from "./rules";
import type { SubmitRatingValues } from "./schemas";

export async function submitRating(access: CommuneAccess, values: SubmitRatingValues, now = new Date()) {
  return db.$transaction(async (tx) => {
    const marked = await tx.$queryRaw<{ id: string; category: string }[]>`
      UPDATE "RatingInvite" SET "ratedAt" = ${now}
      WHERE "subjectType" = ${values.subjectType}::"RatingSubjectType" AND "subjectId" = ${values.subjectId}
        AND "userId" = ${access.userId} AND "communeId" = ${access.communeId} AND "ratedAt" IS NULL
      RETURNING "id", "category"`;
    const invite = marked[0];
    if (!invite) {
      const exists = await tx.ratingInvite.findFirst({
        where: { subjectType: values.subjectType, subjectId: values.subjectId, userId: access.userId, communeId: access.communeId },
        select: { id: true },
      });
      throw exists ? conflict("ratingAlreadyGiven") : notFound("ratingNotInvited");
    }
    await tx.ratingAnswer.create({
      data: {
        communeId: access.communeId,
        subjectType: values.subjectType,
        subjectId: values.subjectId,
        category: invite.category,
        quarter: quarterOf(now),
        informedInTime: values.informedInTime,
        ableToTakePart: values.ableToTakePart,
        opinionAnswered: values.opinionAnswered,
        outcomeUnderstood: values.outcomeUnderstood,
        overall: values.overall,
        comment: values.comment,
      },
      select: { id: true },
    });
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "rating.submit",
      entityType: "RatingInvite",
      entityId: invite.id,
      details: { subjectType: values.subjectType, subjectId: values.subjectId },
    });
    return { rated: true };
  });
}

/** The rating page's state for a person: not invited, invited, or already rated. */
export async function getMyRatingState(userId: string, communeId: string, subjectType: "CONSULTATION" | "CASE", subjectId: string) {
  const invite = await db.ratingInvite.findFirst({ where: { userId, communeId, subjectType, subjectId }, select: { ratedAt: true } });
  return invite ? (invite.ratedAt ? "rated" : "invited") : "notInvited";
}
