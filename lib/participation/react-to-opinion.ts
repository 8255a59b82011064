import type { CommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { conflict, forbidden, notFound } from "@/lib/errors";
import { appendAudit } from "@/lib/oversight/audit";
import { consumeRateLimit } from "@/lib/rate-limit";

import { loadResidentContext } from "./resident-context";
import type { ReactionValues } from "./schemas";

/**
 * A verified resident agrees or disagrees with someone else's opinion (one reaction per person,
 * changeable, withdrawable) while the consultation is open. The counters move in the same
 * transaction, with the opinion row locked, so they always equal the reactions.
 */
export async function reactToOpinion(access: CommuneAccess, values: ReactionValues) {
  await loadResidentContext(access);
  await consumeRateLimit("reaction", access.userId);
  const opinion = await db.opinion.findFirst({
    where: { id: values.opinionId, communeId: access.communeId },
    select: { id: true, authorId: true, moderationState: true, consultation: { select: { status: true } } },
  });
  if (!opinion || opinion.moderationState !== "VISIBLE") throw notFound("opinionNotFound");
  if (opinion.consultation.status !== "PUBLISHED") throw conflict("commentClosed");
  if (opinion.authorId === access.userId) throw forbidden();

  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Opinion" WHERE id = ${opinion.id} FOR UPDATE`;
    const previous = await tx.reaction.findUnique({
      where: { opinionId_userId: { opinionId: opinion.id, userId: access.userId } },
      select: { kind: true },
    });
    const before = previous?.kind ?? null;
    if (before === values.kind) return { kind: before };
    const delta = (kind: "AGREE" | "DISAGREE") => (values.kind === kind ? 1 : 0) - (before === kind ? 1 : 0);
    if (values.kind === null) {
      await tx.reaction.delete({ where: { opinionId_userId: { opinionId: opinion.id, userId: access.userId } } });
    } else {
      await tx.reaction.upsert({
        where: { opinionId_userId: { opinionId: opinion.id, userId: access.userId } },
        create: { communeId: access.communeId, opinionId: opinion.id, userId: access.userId, kind: values.kind },
        update: { kind: values.kind },
      });
    }
    await tx.opinion.update({
      where: { id: opinion.id },
      data: { agreeCount: { increment: delta("AGREE") }, disagreeCount: { increment: delta("DISAGREE") } },
    });
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: "RESIDENT",
      action: "opinion.react",
      entityType: "Opinion",
      entityId: opinion.id,
      before: { kind: before },
      after: { kind: values.kind },
    });
    return { kind: values.kind };
  });
}
