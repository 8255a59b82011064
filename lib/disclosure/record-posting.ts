// Staff record where and when a publication was posted offline (Art. 12): a notice board with a photo,
// the days the loudspeaker read it out, the village heads, a conference… Each record or correction is
// one transaction with its audit event. Nothing is deleted: a wrong record is corrected, and the
// audit log keeps what it said before.
import type { CommuneAccess } from "@/lib/auth/authorize";
import { PUBLIC_STATUSES } from "@/lib/consultations/get-consultation";
import { endOfDayVn, startOfDayVn, toVnDate } from "@/lib/consultations/periods";
import { db, type Tx } from "@/lib/db";
import { conflict, invalid, notFound } from "@/lib/errors";
import { appendAudit } from "@/lib/oversight/audit";

import { dateColumnToIso, isoToDateColumn } from "./broadcast-days";
import type { PostingUpdateValues, PostingValues } from "./schemas";

const DEFAULT_LOUDSPEAKER_PLACE = "Đài truyền thanh xã";

const postingSelect = {
  id: true,
  consultationId: true,
  channel: true,
  location: true,
  startsAt: true,
  endsAt: true,
  broadcastDates: true,
  photoId: true,
  note: true,
} as const;

/** The row to store, with the checks that need the clock: nothing is recorded as done in the future. */
function toRow(values: PostingValues, now: Date) {
  const today = toVnDate(now);
  if (values.channel === "LOUDSPEAKER") {
    const dates = [...values.broadcastDates].sort();
    const future = dates.find((d) => d > today);
    if (future) throw invalid("broadcastDateInFuture", { date: future }, { broadcastDates: "broadcastDateInFuture" });
    return {
      channel: values.channel,
      location: values.location || DEFAULT_LOUDSPEAKER_PLACE,
      startsAt: startOfDayVn(dates[0]!),
      endsAt: endOfDayVn(dates.at(-1)!),
      broadcastDates: dates.map(isoToDateColumn),
      photoId: null,
      note: values.note || null,
    };
  }
  if (values.startsAt! > today) throw invalid("postingStartsInFuture", {}, { startsAt: "postingStartsInFuture" });
  return {
    channel: values.channel,
    location: values.location,
    startsAt: startOfDayVn(values.startsAt!),
    endsAt: values.endsAt ? endOfDayVn(values.endsAt) : null,
    broadcastDates: [],
    photoId: values.photoId,
    note: values.note || null,
  };
}

/** Postings belong to a publication the public can see: a draft has not been published anywhere. */
async function loadPublishedConsultation(tx: Tx, communeId: string, consultationId: string) {
  const consultation = await tx.consultation.findFirst({
    where: { id: consultationId, communeId },
    select: { id: true, title: true, status: true },
  });
  if (!consultation) throw notFound("consultationNotFound");
  if (!PUBLIC_STATUSES.includes(consultation.status)) throw conflict("postingOnDraft");
  return consultation;
}

/** A photo of this commune, uploaded as a posting photo. */
async function assertPhoto(tx: Tx, communeId: string, photoId: string | null) {
  if (!photoId) return;
  const photo = await tx.attachment.findFirst({ where: { id: photoId, communeId, kind: "POSTING_PHOTO" }, select: { id: true } });
  if (!photo) throw invalid("photoNotFound", {}, { photoId: "photoNotFound" });
}

const describe = (row: ReturnType<typeof toRow>) => ({
  ...row,
  broadcastDates: row.broadcastDates.map(dateColumnToIso),
});

export function recordPosting(access: CommuneAccess, values: PostingValues, now = new Date()) {
  return db.$transaction((tx) => recordPostingIn(tx, access, values, now));
}

/** The same, inside the caller's transaction (a contribution's disclosure records its posting with its own change). */
export async function recordPostingIn(tx: Tx, access: CommuneAccess, values: PostingValues, now = new Date()) {
  const row = toRow(values, now);
  const consultation = await loadPublishedConsultation(tx, access.communeId, values.consultationId);
  await assertPhoto(tx, access.communeId, row.photoId);
  const posting = await tx.disclosurePosting.create({
    data: { ...row, communeId: access.communeId, consultationId: consultation.id, recordedById: access.userId },
    select: postingSelect,
  });
  await appendAudit(tx, {
    communeId: access.communeId,
    actorId: access.userId,
    actorRole: access.actingRole,
    action: "disclosure.posting.record",
    entityType: "DisclosurePosting",
    entityId: posting.id,
    after: describe(row),
    details: { consultationId: consultation.id, channel: row.channel, location: row.location },
  });
  return posting;
}

export async function updatePosting(access: CommuneAccess, values: PostingUpdateValues, now = new Date()) {
  const row = toRow(values, now);
  return db.$transaction(async (tx) => {
    const before = await tx.disclosurePosting.findFirst({
      where: { id: values.postingId, communeId: access.communeId, consultationId: values.consultationId },
      select: postingSelect,
    });
    if (!before) throw notFound("postingNotFound");
    if (before.channel !== row.channel) throw invalid("postingChannelFixed", {}, { channel: "postingChannelFixed" });
    await loadPublishedConsultation(tx, access.communeId, values.consultationId);
    await assertPhoto(tx, access.communeId, row.photoId);
    const posting = await tx.disclosurePosting.update({ where: { id: before.id }, data: row, select: postingSelect });
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "disclosure.posting.update",
      entityType: "DisclosurePosting",
      entityId: posting.id,
      before: { ...before, broadcastDates: before.broadcastDates.map(dateColumnToIso) },
      after: describe(row),
      details: { consultationId: values.consultationId, channel: row.channel, location: row.location },
    });
    return posting;
  });
}
