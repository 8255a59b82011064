import type { CommuneAccess } from "@/lib/auth/authorize";
import { db, type Tx } from "@/lib/db";
import { conflict, invalid, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ConsultationStatus } from "@/lib/generated/prisma/enums";
import { appendAudit } from "@/lib/oversight/audit";
import { assertNotFrozen } from "@/lib/reports/freeze";

import { prepareConsultation, sectionAnchor } from "./create-consultation";
import { changedFields } from "./diff-consultation";
import { editSelect, publishedPeriods } from "./form-values";
import { PUBLIC_STATUSES } from "./get-consultation";
import { toVnDate } from "./periods";
import { recordVersion } from "./record-version";
import type { ConsultationUpdateValues, ConsultationValues } from "./schemas";
import { lockConsultation, snapshotConsultation } from "./snapshot-consultation";

/** Closed consultations are a record of what was consulted on: they are not edited. */
export const EDITABLE_STATUSES: ConsultationStatus[] = ["DRAFT", "SCHEDULED", "PUBLISHED"];

type Prepared = Awaited<ReturnType<typeof prepareConsultation>>;

/** A period date whose day did not change keeps its stored instant (publication sets it to the minute). */
const keepDay = (stored: Date | null, next: Date | null) => (stored && next && toVnDate(stored) === toVnDate(next) ? stored : next);

/**
 * Saves an edit. A draft changes freely; after publication the periods still obey the law, the
 * comment period may not end in the past, and every change becomes a public version. Every edit is
 * audited with the state before and after. The edit is refused when someone else saved in between.
 */
export async function updateConsultation(access: CommuneAccess, values: ConsultationUpdateValues, now = new Date()) {
  const { communeId } = access;
  const id = values.consultationId;
  const current = await db.consultation.findFirst({
    where: { id, communeId },
    select: { ...editSelect, publishAt: true, _count: { select: { questions: true } } },
  });
  if (!current) throw notFound("consultationNotFound");
  if (!EDITABLE_STATUSES.includes(current.status)) throw conflict("notEditable", { status: current.status });

  const isPublic = PUBLIC_STATUSES.includes(current.status);
  const published = publishedPeriods(current, isPublic);
  const prepared = await prepareConsultation(communeId, values as ConsultationValues, current._count.questions > 0, { published, now });
  if (current.status === "SCHEDULED" && current.publishAt && prepared.data.commentEndsAt <= current.publishAt) {
    throw invalid("commentEndsBeforePublication", {}, { commentEndsAt: "commentEndsBeforePublication" });
  }
  const data = {
    ...prepared.data,
    commentStartsAt: keepDay(current.commentStartsAt, prepared.data.commentStartsAt)!,
    commentEndsAt: keepDay(current.commentEndsAt, prepared.data.commentEndsAt)!,
    postingStartsAt: keepDay(current.postingStartsAt, prepared.data.postingStartsAt),
    postingEndsAt: keepDay(current.postingEndsAt, prepared.data.postingEndsAt),
    // Shapes all deleted: the column is emptied (undefined would leave the old shapes).
    geometry: prepared.data.geometry ?? Prisma.DbNull,
    // The notice was given when it was first confirmed, not at every save.
    onlineVoteNoticeAt: values.onlineVoteNoticeGiven ? (current.onlineVoteNoticeAt ?? now) : null,
  };

  return db.$transaction(async (tx) => {
    await assertNotFrozen(tx, id);
    const locked = await lockConsultation(tx, communeId, id);
    if (locked.updatedAt.toISOString() !== values.expectedUpdatedAt) throw conflict("editedMeanwhile");
    const before = await snapshotConsultation(tx, communeId, id);

    await tx.consultation.update({
      where: { id },
      data: { ...data, villages: { deleteMany: {}, create: prepared.villageIds.map((villageId) => ({ villageId })) } },
    });
    await saveSections(tx, id, prepared.sections, isPublic);

    const after = await snapshotConsultation(tx, communeId, id);
    const { changes, version } = await recordVersion(tx, {
      communeId,
      consultation: { id, status: locked.status, version: locked.version },
      before,
      after,
      note: values.changeNote,
      actorId: access.userId,
    });
    if (changes.length > 0) {
      await appendAudit(tx, {
        communeId,
        actorId: access.userId,
        actorRole: access.actingRole,
        action: "consultation.edit",
        entityType: "Consultation",
        entityId: id,
        before,
        after,
        details: { title: after.title, fields: changedFields(changes), ...(version ? { version } : {}) },
      });
    }
    return { id, changes: changes.length, version: version ?? locked.version };
  });
}

/**
 * Sections keep their id and anchor when edited, so links and the opinions anchored to them stay.
 * After publication a section that opinions refer to cannot be removed.
 */
async function saveSections(tx: Tx, consultationId: string, sections: Prepared["sections"], isPublic: boolean) {
  const existing = await tx.consultationSection.findMany({
    where: { consultationId },
    select: { id: true, anchor: true, heading: true, _count: { select: { opinions: true } } },
  });
  const existingById = new Map(existing.map((s) => [s.id, s]));
  const keptIds = new Set(sections.map((s) => s.id).filter((sid): sid is string => Boolean(sid && existingById.has(sid))));
  const removed = existing.filter((s) => !keptIds.has(s.id));
  const withOpinions = removed.find((s) => s._count.opinions > 0);
  if (isPublic && withOpinions) {
    throw invalid("sectionHasOpinions", { heading: withOpinions.heading, count: withOpinions._count.opinions }, { sections: "sectionHasOpinions" });
  }
  if (removed.length) await tx.consultationSection.deleteMany({ where: { id: { in: removed.map((s) => s.id) } } });

  // A draft's anchors follow its headings (moved aside first, so that two sections may swap anchors);
  // a published section keeps the anchor people link to.
  const kept = sections.filter((s) => s.id && keptIds.has(s.id));
  if (!isPublic && kept.length) {
    for (const s of kept) await tx.consultationSection.update({ where: { id: s.id! }, data: { anchor: `tmp-${s.id}` } });
  }
  const taken = new Set(isPublic ? kept.map((s) => existingById.get(s.id!)!.anchor) : []);
  for (const [position, s] of sections.entries()) {
    const isKept = Boolean(s.id && keptIds.has(s.id));
    let anchor = isKept && isPublic ? existingById.get(s.id!)!.anchor : s.anchor;
    if (!(isKept && isPublic)) {
      for (let n = 2; taken.has(anchor); n++) anchor = `${sectionAnchor(s.heading, position)}-${n}`;
      taken.add(anchor);
    }
    if (isKept) {
      await tx.consultationSection.update({ where: { id: s.id! }, data: { position, heading: s.heading, body: s.body, anchor } });
    } else {
      await tx.consultationSection.create({
        data: { communeId: s.communeId, consultationId, position, anchor, heading: s.heading, body: s.body },
      });
    }
  }
}
