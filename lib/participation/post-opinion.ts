import type { CommuneAccess } from "@/lib/auth/authorize";
import { isOpenForComment } from "@/lib/consultations/get-consultation";
import { type Bounds, boundsOf, widenBounds } from "@/lib/consultations/geometry";
import { db } from "@/lib/db";
import { conflict, forbidden, invalid, notFound } from "@/lib/errors";
import { appendAudit } from "@/lib/oversight/audit";
import { tellOpinionReplied } from "@/lib/telling/events";
import { consumeRateLimit } from "@/lib/rate-limit";

import { loadResidentContext } from "./resident-context";
import type { OpinionValues } from "./schemas";

/** A pin may sit this far outside the consultation's drawn area (a road's verge, a field's edge). */
const PIN_MARGIN_KM = 0.5;

const inBounds = ([minLng, minLat, maxLng, maxLat]: Bounds, lat: number, lng: number) =>
  lng >= minLng && lng <= maxLng && lat >= minLat && lat <= maxLat;

/** A map point given with an opinion: both coordinates, on a consultation with an area, inside it (give or take). */
export function checkPin(geometry: unknown, lat: number | null, lng: number | null): void {
  if ((lat === null) !== (lng === null)) throw invalid("pinIncomplete", {}, { pin: "pinIncomplete" });
  if (lat !== null && lng !== null) {
    if (!geometry) throw invalid("pinNotAllowed", {}, { pin: "pinNotAllowed" });
    const area = widenBounds(boundsOf(geometry as never), PIN_MARGIN_KM);
    if (!inBounds(area, lat, lng)) throw invalid("pinOutsideArea", {}, { pin: "pinOutsideArea" });
  }
}

/** A section named by an opinion belongs to its consultation. */
export async function checkSection(consultationId: string, sectionId: string | null): Promise<void> {
  if (!sectionId) return;
  const section = await db.consultationSection.findFirst({ where: { id: sectionId, consultationId }, select: { id: true } });
  if (!section) throw invalid("unknownSection", {}, { sectionId: "unknownSection" });
}

/** A verified resident posts an opinion (or a reply) on a consultation open for comment on the web. */
export async function postOpinion(access: CommuneAccess, values: OpinionValues, now = new Date()) {
  const person = await loadResidentContext(access);
  await consumeRateLimit("opinion", access.userId);

  const consultation = await db.consultation.findFirst({
    where: { id: values.consultationId, communeId: access.communeId },
    select: {
      id: true,
      status: true,
      commentStartsAt: true,
      commentEndsAt: true,
      allowedChannels: true,
      isCommuneWide: true,
      geometry: true,
      villages: { select: { villageId: true } },
    },
  });
  if (!consultation || consultation.status === "DRAFT" || consultation.status === "SCHEDULED") {
    throw notFound("consultationNotFound");
  }
  if (!isOpenForComment(consultation, now)) throw conflict("commentClosed");
  if (!consultation.allowedChannels.includes("WEB")) throw conflict("webChannelClosed");

  if (!consultation.isCommuneWide && !consultation.villages.some((v) => v.villageId === person.villageId)) {
    throw forbidden();
  }

  checkPin(consultation.geometry, values.lat, values.lng);
  await checkSection(consultation.id, values.sectionId);

  let parentId: string | null = null;
  if (values.parentId) {
    const parent = await db.opinion.findFirst({
      where: { id: values.parentId, consultationId: consultation.id },
      select: { id: true, parentId: true },
    });
    if (!parent) throw invalid("unknownParent");
    parentId = parent.parentId ?? parent.id; // replies stay one level deep
  }

  if (values.photoId) {
    // Only the author's own, unused photo of this consultation may be attached.
    const photo = await db.attachment.findFirst({
      where: { id: values.photoId, communeId: access.communeId, consultationId: consultation.id, kind: "OPINION_PHOTO", uploadedById: access.userId },
      select: { id: true, opinionWithPhoto: { select: { id: true } } },
    });
    if (!photo || photo.opinionWithPhoto) throw invalid("unknownPhoto", {}, { photo: "unknownPhoto" });
  }

  const user = await db.user.findUniqueOrThrow({ where: { id: access.userId }, select: { displayName: true } });

  return db.$transaction(async (tx) => {
    const { opinionSeq } = await tx.consultation.update({
      where: { id: consultation.id },
      data: { opinionSeq: { increment: 1 } },
      select: { opinionSeq: true },
    });
    const opinion = await tx.opinion.create({
      data: {
        communeId: access.communeId,
        consultationId: consultation.id,
        number: opinionSeq,
        parentId,
        authorId: access.userId,
        residentId: person.id,
        householdId: person.householdId,
        villageId: person.villageId,
        displayName: user.displayName,
        body: values.body,
        stance: parentId ? null : values.stance,
        lat: values.lat,
        lng: values.lng,
        sectionId: values.sectionId,
        photoId: values.photoId,
        channel: "WEB",
      },
      select: { id: true, number: true },
    });
    if (parentId) await tellOpinionReplied(tx, { communeId: access.communeId, parentId, replyId: opinion.id, replyAuthorId: access.userId });
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: "RESIDENT",
      action: parentId ? "opinion.reply" : "opinion.create",
      entityType: "Opinion",
      entityId: opinion.id,
      after: { body: values.body, stance: values.stance, lat: values.lat, lng: values.lng },
      details: { consultationId: consultation.id, number: opinion.number },
    });
    return opinion;
  });
}
