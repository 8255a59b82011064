// After the conference: staff record the minutes (text, and the signed minutes as a file), the
// attendance (how many people, which villages), then publish the results. The results are due within
// 10 days of the conference (Law 72/2025 Art. 43): the clock is in rules.ts (publishClock); publishing
// late is still allowed, and shown as late. Publishing needs every visible question answered, and sends
// the results to every village head of the villages concerned, as the article requires.
import type { CommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { AppError, conflict, notFound } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import { appendAudit } from "@/lib/oversight/audit";
import { inspectAndCleanUpload } from "@/lib/storage/clean-image";
import { DOCUMENT_OR_IMAGE } from "@/lib/storage/inspect-upload";
import { saveAttachment } from "@/lib/storage/save-attachment";

import { PUBLISH_WITHIN_DAYS, publishClock } from "./rules";
import type { RecordResultsValues } from "./schemas";

async function findConference(communeId: string, conferenceId: string) {
  const conference = await db.dialogueConference.findFirst({
    where: { id: conferenceId, communeId },
    select: { id: true, title: true, startsAt: true, recordedAt: true, resultsPublishedAt: true, minutesAttachmentId: true, villages: { select: { villageId: true } } },
  });
  if (!conference) throw notFound("dialogueNotFound");
  return conference;
}

function assertHeld(conference: { startsAt: Date }, now: Date) {
  if (now < conference.startsAt) throw conflict("dialogueNotHeldYet");
}

async function heldConference(communeId: string, conferenceId: string, now: Date) {
  const conference = await findConference(communeId, conferenceId);
  assertHeld(conference, now);
  return conference;
}

export async function recordResults(access: CommuneAccess, values: RecordResultsValues, now = new Date()) {
  const conference = await heldConference(access.communeId, values.conferenceId, now);
  if (conference.resultsPublishedAt) throw conflict("dialogueAlreadyPublished");
  const invited = new Set(conference.villages.map((v) => v.villageId));
  const attended = [...new Set(values.attendedVillageIds)];
  if (attended.some((v) => !invited.has(v))) throw new AppError("dialogueVillageNotInvited", 422, {}, { attendedVillageIds: "dialogueVillageNotInvited" });
  return db.$transaction(async (tx) => {
    await tx.dialogueConference.update({
      where: { id: conference.id },
      data: { minutesText: values.minutesText, attendanceCount: values.attendanceCount, recordedAt: now },
    });
    await tx.dialogueConferenceVillage.updateMany({ where: { conferenceId: conference.id }, data: { attended: false } });
    await tx.dialogueConferenceVillage.updateMany({ where: { conferenceId: conference.id, villageId: { in: attended } }, data: { attended: true } });
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "dialogue.record",
      entityType: "DialogueConference",
      entityId: conference.id,
      after: { attendanceCount: values.attendanceCount, attendedVillages: attended.length, minutesLength: values.minutesText.length },
      details: { attendanceCount: values.attendanceCount, attendedVillages: attended.length },
    });
    return { id: conference.id };
  });
}

/** The signed minutes as a PDF or a photo (judged by content, photo metadata stripped). */
export async function uploadConferenceMinutes(access: CommuneAccess, input: { conferenceId: string; fileName: string; data: Buffer }, now = new Date()) {
  // The file is judged before the conference's state, so that a bad file is named as such.
  const conference = await findConference(access.communeId, input.conferenceId);
  const { data, inspected } = await inspectAndCleanUpload(input.data, DOCUMENT_OR_IMAGE);
  assertHeld(conference, now);
  if (conference.resultsPublishedAt) throw conflict("dialogueAlreadyPublished");
  return db.$transaction(async (tx) => {
    // Last-but-one: if recording fails, saveAttachment removes the stored bytes again.
    const saved = await saveAttachment({ communeId: access.communeId, kind: "MINUTES", fileName: input.fileName, uploadedById: access.userId, data, inspected }, tx);
    await tx.dialogueConference.update({ where: { id: conference.id }, data: { minutesAttachmentId: saved.id } });
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "dialogue.minutes.upload",
      entityType: "DialogueConference",
      entityId: conference.id,
      before: { minutesAttachmentId: conference.minutesAttachmentId },
      after: { minutesAttachmentId: saved.id, sha256: inspected.sha256 },
      details: { sha256: inspected.sha256, sizeBytes: inspected.sizeBytes },
    });
    return { id: saved.id, fileName: saved.fileName };
  });
}

export async function publishResults(access: CommuneAccess, conferenceId: string, now = new Date()) {
  const conference = await heldConference(access.communeId, conferenceId, now);
  if (conference.resultsPublishedAt) throw conflict("dialogueAlreadyPublished");
  if (!conference.recordedAt) throw conflict("dialogueNotRecorded");
  const unanswered = await db.dialogueQuestion.count({ where: { conferenceId: conference.id, moderationState: "VISIBLE", status: "UNANSWERED" } });
  if (unanswered > 0) throw conflict("dialogueUnanswered", { count: unanswered });
  const clock = publishClock({ startsAt: conference.startsAt, resultsPublishedAt: now });
  const onTime = clock.state === "published" && clock.onTime;
  const commune = await db.commune.findUniqueOrThrow({ where: { id: access.communeId }, select: { slug: true } });
  const heads = await db.membership.findMany({
    where: { communeId: access.communeId, role: "VILLAGE_HEAD", status: "VERIFIED", villageId: { in: conference.villages.map((v) => v.villageId) } },
    select: { userId: true },
  });
  return db.$transaction(async (tx) => {
    const { count } = await tx.dialogueConference.updateMany({ where: { id: conference.id, resultsPublishedAt: null }, data: { resultsPublishedAt: now } });
    if (count !== 1) throw conflict("dialogueAlreadyPublished");
    for (const head of heads) {
      await notify(tx, {
        communeId: access.communeId,
        userId: head.userId,
        kind: "dialogueResultsPublished",
        params: { title: conference.title },
        link: `/${commune.slug}/dialogues/${conference.id}#results`,
      });
    }
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "dialogue.publish",
      entityType: "DialogueConference",
      entityId: conference.id,
      after: { resultsPublishedAt: now.toISOString(), onTime },
      details: { onTime, withinDays: PUBLISH_WITHIN_DAYS, villageHeadsTold: heads.length },
    });
    return { publishedAt: now, onTime };
  });
}

/** The minutes file: public once the results are published, before that for staff and the Front. */
export async function readConferenceMinutes(communeId: string, conferenceId: string, mayOversee: boolean) {
  const conference = await db.dialogueConference.findFirst({ where: { id: conferenceId, communeId }, select: { minutesAttachmentId: true, resultsPublishedAt: true } });
  if (!conference?.minutesAttachmentId || (!conference.resultsPublishedAt && !mayOversee)) throw notFound();
  const attachment = await db.attachment.findFirst({ where: { id: conference.minutesAttachmentId, communeId }, select: { fileName: true, mimeType: true, storageKey: true } });
  if (!attachment) throw notFound();
  return attachment;
}
