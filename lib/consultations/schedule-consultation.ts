// Scheduled publication: staff set the hour, the scheduler (lib/consultations/lifecycle.ts) publishes
// it then; cancelling returns it to a draft. Both are audited like every other transition.
import type { CommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { conflict, invalid } from "@/lib/errors";
import { appendAudit } from "@/lib/oversight/audit";

import { lockConsultation } from "./snapshot-consultation";

export async function scheduleConsultation(access: CommuneAccess, consultationId: string, publishAt: Date, now = new Date()) {
  if (publishAt <= now) throw invalid("publishAtInPast", {}, { publishAt: "publishAtInPast" });
  return db.$transaction(async (tx) => {
    const c = await lockConsultation(tx, access.communeId, consultationId);
    if (c.status !== "DRAFT" && c.status !== "SCHEDULED") throw conflict("notADraft", { status: c.status });
    // Published after its comment period ended, it would close the minute it opened.
    if (c.commentEndsAt && publishAt >= c.commentEndsAt) {
      throw invalid("publishAfterCommentEnd", {}, { publishAt: "publishAfterCommentEnd" });
    }
    await tx.consultation.update({ where: { id: consultationId }, data: { status: "SCHEDULED", publishAt } });
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "consultation.schedule",
      entityType: "Consultation",
      entityId: consultationId,
      before: { status: c.status, publishAt: c.publishAt },
      after: { status: "SCHEDULED", publishAt },
      details: { title: c.title, publishAt: publishAt.toISOString() },
    });
    return { id: consultationId, status: "SCHEDULED" as const, publishAt };
  });
}

export async function unscheduleConsultation(access: CommuneAccess, consultationId: string) {
  return db.$transaction(async (tx) => {
    const c = await lockConsultation(tx, access.communeId, consultationId);
    if (c.status !== "SCHEDULED") throw conflict("notScheduled", { status: c.status });
    await tx.consultation.update({ where: { id: consultationId }, data: { status: "DRAFT", publishAt: null } });
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "consultation.unschedule",
      entityType: "Consultation",
      entityId: consultationId,
      before: { status: "SCHEDULED", publishAt: c.publishAt },
      after: { status: "DRAFT", publishAt: null },
      details: { title: c.title },
    });
    return { id: consultationId, status: "DRAFT" as const };
  });
}
