// An opinion received off the web (Law 10/2022 Art. 26.1: paper forms, hotline, comment box, through
// the Front, a village meeting, a dialogue conference), entered by staff, a village head (own village
// only) or the Front. It takes the next number of the consultation's one sequence, so it is answered
// (lib/reports/answer-opinions.ts), reviewed by the Front and reported exactly like a web opinion; who
// entered it, the day received and the channel are recorded, and the entry is audited.
import type { CommuneAccess } from "@/lib/auth/authorize";
import { loadCommuneSettings } from "@/lib/communes/commune-settings";
import { toVnDate } from "@/lib/consultations/periods";
import { db } from "@/lib/db";
import { AppError, invalid, notFound } from "@/lib/errors";
import { appendAudit } from "@/lib/oversight/audit";
import { checkPin, checkSection } from "@/lib/participation/post-opinion";
import { assertNotFrozen, checkNotFrozen } from "@/lib/reports/freeze";

import { checkReceivedOn } from "./received-date";
import { assertChannelVillage, channelVillageOf, UNNAMED_BY_CHANNEL } from "./roles";
import type { ChannelOpinionValues } from "./schemas";

const givenName = (fullName: string) => fullName.trim().split(/\s+/).at(-1) ?? fullName;

export async function enterChannelOpinion(access: CommuneAccess, values: ChannelOpinionValues, now = new Date()) {
  const consultation = await db.consultation.findFirst({
    where: { id: values.consultationId, communeId: access.communeId },
    select: { id: true, status: true, commentStartsAt: true, commentEndsAt: true, isCommuneWide: true, geometry: true, villages: { select: { villageId: true } } },
  });
  if (!consultation || consultation.status === "DRAFT" || consultation.status === "SCHEDULED") throw notFound("consultationNotFound");
  await checkNotFrozen(db, consultation.id); // checked again in the transaction

  // A meeting's opinions take the meeting's village and day.
  let meeting: { id: string; villageId: string; heldAt: Date } | null = null;
  if (values.meetingId) {
    if (values.channel !== "MEETING") throw invalid("meetingOnlyForMeetingChannel", {}, { meetingId: "meetingOnlyForMeetingChannel" });
    meeting = await db.meetingRecord.findFirst({
      where: { id: values.meetingId, communeId: access.communeId, consultationId: consultation.id },
      select: { id: true, villageId: true, heldAt: true },
    });
    if (!meeting) throw invalid("unknownMeeting", {}, { meetingId: "unknownMeeting" });
  }
  const receivedOn = meeting ? toVnDate(meeting.heldAt) : values.receivedOn;
  const { lateEntryDays } = await loadCommuneSettings(access.communeId);
  const refusal = checkReceivedOn(consultation, lateEntryDays, now, receivedOn);
  if (refusal) throw new AppError(refusal.code, refusal.code === "channelEntryClosed" ? 409 : 422, refusal.params, { receivedOn: refusal.code });

  // Who wrote it, when known: a household of this commune, and perhaps one of its members.
  let household: { id: string; villageId: string; villageName: string } | null = null;
  let resident: { id: string; fullName: string } | null = null;
  if (values.householdId) {
    const h = await db.household.findFirst({
      where: { id: values.householdId, communeId: access.communeId, isActive: true },
      select: { id: true, villageId: true, village: { select: { name: true } } },
    });
    if (!h) throw notFound("householdNotFound");
    household = { id: h.id, villageId: h.villageId, villageName: h.village.name };
    if (values.residentId) {
      resident = await db.resident.findFirst({ where: { id: values.residentId, householdId: h.id, isActive: true }, select: { id: true, fullName: true } });
      if (!resident) throw invalid("memberRequired", {}, { residentId: "memberRequired" });
    }
  } else if (values.residentId) {
    throw invalid("memberRequired", {}, { residentId: "memberRequired" });
  }

  const own = channelVillageOf(access);
  const villageId = household?.villageId ?? meeting?.villageId ?? values.villageId ?? own;
  if (household && meeting && household.villageId !== meeting.villageId) throw invalid("householdNotOfMeeting", {}, { householdId: "householdNotOfMeeting" });
  assertChannelVillage(access, villageId);
  if (villageId) {
    const village = await db.village.findFirst({ where: { id: villageId, communeId: access.communeId }, select: { id: true } });
    if (!village) throw invalid("unknownVillage", {}, { villageId: "unknownVillage" });
    if (!consultation.isCommuneWide && !consultation.villages.some((v) => v.villageId === villageId)) {
      throw invalid("villageOutOfScope", {}, { householdId: "villageOutOfScope" });
    }
  }

  checkPin(consultation.geometry, values.lat, values.lng);
  await checkSection(consultation.id, values.sectionId);
  if (values.photoId) {
    // Only a scan this person uploaded for this consultation, not yet used by another opinion.
    const photo = await db.attachment.findFirst({
      where: { id: values.photoId, communeId: access.communeId, consultationId: consultation.id, kind: "OPINION_PHOTO", uploadedById: access.userId },
      select: { id: true, opinionWithPhoto: { select: { id: true } } },
    });
    if (!photo || photo.opinionWithPhoto) throw invalid("unknownPhoto", {}, { photo: "unknownPhoto" });
  }

  // Public pages show a given name and the village, or "Người dân (phiếu giấy)": never a phone or a full name.
  const displayName = values.displayName ?? (resident && household ? `${givenName(resident.fullName)} (${household.villageName})` : UNNAMED_BY_CHANNEL[values.channel]);

  return db.$transaction(async (tx) => {
    await assertNotFrozen(tx, consultation.id);
    const { opinionSeq } = await tx.consultation.update({ where: { id: consultation.id }, data: { opinionSeq: { increment: 1 } }, select: { opinionSeq: true } });
    const opinion = await tx.opinion.create({
      data: {
        communeId: access.communeId,
        consultationId: consultation.id,
        number: opinionSeq,
        residentId: resident?.id ?? null,
        householdId: household?.id ?? null,
        villageId,
        displayName,
        body: values.body,
        stance: values.stance,
        lat: values.lat,
        lng: values.lng,
        sectionId: values.sectionId,
        photoId: values.photoId,
        channel: values.channel,
        enteredById: access.userId,
        receivedOn: new Date(`${receivedOn}T00:00:00Z`),
        meetingId: meeting?.id ?? null,
      },
      select: { id: true, number: true },
    });
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "opinion.channel",
      entityType: "Opinion",
      entityId: opinion.id,
      after: { body: values.body, stance: values.stance, householdId: household?.id ?? null, residentId: resident?.id ?? null, villageId, lat: values.lat, lng: values.lng, sectionId: values.sectionId, photoId: values.photoId },
      details: { consultationId: consultation.id, number: opinion.number, channel: values.channel, receivedOn, meetingId: meeting?.id ?? null },
    });
    return opinion;
  });
}
