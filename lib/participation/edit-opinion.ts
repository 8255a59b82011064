import type { CommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { conflict, forbidden, notFound } from "@/lib/errors";
import { appendAudit } from "@/lib/oversight/audit";
import { readSettings } from "@/lib/settings";

import type { EditOpinionValues } from "./schemas";

/**
 * The author corrects an opinion within the edit window (15 minutes by default, a setting). The text
 * it replaces is kept as a revision: staff and the Front can always read what was first written.
 */
export async function editOpinion(access: CommuneAccess, values: EditOpinionValues, now = new Date()) {
  const opinion = await db.opinion.findFirst({
    where: { id: values.opinionId, communeId: access.communeId },
    select: {
      id: true,
      authorId: true,
      parentId: true,
      body: true,
      stance: true,
      createdAt: true,
      editedAt: true,
      moderationState: true,
      consultation: { select: { status: true, commune: { select: { settings: true } } } },
    },
  });
  if (!opinion) throw notFound("opinionNotFound");
  if (opinion.authorId !== access.userId) throw forbidden();
  if (opinion.moderationState !== "VISIBLE") throw conflict("opinionHidden");
  if (opinion.consultation.status !== "PUBLISHED") throw conflict("commentClosed");
  const minutes = readSettings(opinion.consultation.commune.settings).opinionEditMinutes;
  if (now.getTime() - opinion.createdAt.getTime() > minutes * 60_000) throw conflict("editWindowOver", { minutes });

  const stance = opinion.parentId ? null : values.stance;
  return db.$transaction(async (tx) => {
    await tx.opinionRevision.create({
      data: {
        communeId: access.communeId,
        opinionId: opinion.id,
        body: opinion.body,
        stance: opinion.stance,
        writtenAt: opinion.editedAt ?? opinion.createdAt,
      },
    });
    const updated = await tx.opinion.update({
      where: { id: opinion.id },
      data: { body: values.body, stance, editedAt: now },
      select: { id: true, number: true, editedAt: true },
    });
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: "RESIDENT",
      action: "opinion.edit",
      entityType: "Opinion",
      entityId: opinion.id,
      before: { body: opinion.body, stance: opinion.stance },
      after: { body: values.body, stance },
    });
    return updated;
  });
}
