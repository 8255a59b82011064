import type { CommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import { appendAudit } from "@/lib/oversight/audit";
import { tellConsultationOpened } from "@/lib/telling/events";

/**
 * Publishes a draft now: it becomes public and open for comment from its comment start. A comment
 * period that has already ended cannot be published; the draft must be given new dates first.
 */
export async function publishConsultation(access: CommuneAccess, consultationId: string, now = new Date()) {
  return db.$transaction(async (tx) => {
    const before = await tx.consultation.findFirst({
      where: { id: consultationId, communeId: access.communeId },
      select: { id: true, status: true, commentEndsAt: true, postingStartsAt: true, postingEndsAt: true, title: true },
    });
    if (!before) throw notFound("consultationNotFound");
    if (before.status !== "DRAFT" && before.status !== "SCHEDULED") {
      throw conflict("notADraft", { status: before.status });
    }
    if (before.commentEndsAt && before.commentEndsAt < now) throw conflict("commentPeriodOver");

    // Only a draft that is still a draft moves: two clicks cannot publish twice.
    const { count } = await tx.consultation.updateMany({
      where: { id: consultationId, communeId: access.communeId, status: before.status },
      // Without posting dates of its own, the web posting runs from now to the end of the comment period.
      data: {
        status: "PUBLISHED",
        publishedAt: now,
        publishAt: null,
        postingStartsAt: before.postingStartsAt ?? now,
        postingEndsAt: before.postingEndsAt ?? before.commentEndsAt,
      },
    });
    if (count !== 1) throw conflict("notADraft", { status: before.status });
    await tellConsultationOpened(tx, { communeId: access.communeId, consultationId });
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "consultation.publish",
      entityType: "Consultation",
      entityId: consultationId,
      before: { status: before.status },
      after: { status: "PUBLISHED", publishedAt: now },
      details: { title: before.title },
    });
    return { id: consultationId, status: "PUBLISHED" as const };
  });
}
