// Time drives the lifecycle: scheduled drafts are published at their hour and open consultations
// close when their comment period ends, whether or not anyone visits a page. The scheduler calls
// these every minute; each transition is one guarded update plus its audit event.
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ConsultationStatus } from "@/lib/generated/prisma/enums";
import { appendAudit } from "@/lib/oversight/audit";
import { freezeVillageCounts } from "@/lib/participation/closed-counts";
import { tellConsultationOpened } from "@/lib/telling/events";

export const SYSTEM_ACTOR = "SYSTEM";

type Due = {
  id: string;
  communeId: string;
  title: string;
  postingStartsAt: Date | null;
  postingEndsAt: Date | null;
  commentEndsAt: Date | null;
};

/**
 * Moves every due consultation from one status to the next. The update is guarded by the old status,
 * so two scheduler instances never move (or log) the same consultation twice.
 */
async function transition(
  from: ConsultationStatus,
  due: Prisma.ConsultationWhereInput,
  action: string,
  change: (c: Due) => Prisma.ConsultationUpdateManyMutationInput & { status: ConsultationStatus },
  /** More work in the same transaction, once the status has moved. */
  also?: (tx: Tx, c: Due) => Promise<unknown>,
): Promise<string[]> {
  const rows = await db.consultation.findMany({
    where: { status: from, ...due },
    select: { id: true, communeId: true, title: true, postingStartsAt: true, postingEndsAt: true, commentEndsAt: true },
    take: 100,
  });
  const moved: string[] = [];
  for (const c of rows) {
    const data = change(c);
    await db.$transaction(async (tx) => {
      const { count } = await tx.consultation.updateMany({ where: { id: c.id, status: from }, data });
      if (count !== 1) return;
      await also?.(tx, c);
      await appendAudit(tx, {
        communeId: c.communeId,
        actorId: null,
        actorRole: SYSTEM_ACTOR,
        action,
        entityType: "Consultation",
        entityId: c.id,
        before: { status: from },
        after: data,
        details: { title: c.title },
      });
      moved.push(c.id);
    });
  }
  return moved;
}

export const publishScheduledConsultations = (now = new Date()) =>
  transition("SCHEDULED", { publishAt: { lte: now } }, "consultation.publish", (c) => ({
    status: "PUBLISHED",
    publishedAt: now,
    publishAt: null,
    // Without posting dates of its own, the web posting runs to the end of the comment period.
    postingStartsAt: c.postingStartsAt ?? now,
    postingEndsAt: c.postingEndsAt ?? c.commentEndsAt,
  }), (tx, c) => tellConsultationOpened(tx, { communeId: c.communeId, consultationId: c.id }));

/** Closing keeps each village's household count with every question (Law 10/2022 Art. 21.1, see closed-counts.ts). */
export const closeExpiredConsultations = (now = new Date()) =>
  transition(
    "PUBLISHED",
    { commentEndsAt: { lt: now } },
    "consultation.close",
    () => ({ status: "CLOSED", closedAt: now }),
    (tx, c) => freezeVillageCounts(tx, c, now),
  );
