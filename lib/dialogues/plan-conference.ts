// Staff or the Front plan a dialogue conference: it is announced at once, publicly, and every village
// head of the villages concerned gets it in the inbox with the loudspeaker text's date and place. A date
// closer than 7 days is refused (Law 72/2025 Art. 43, the procedure Law 10/2022 Art. 32 refers to).
import type { CommuneAccess } from "@/lib/auth/authorize";
import { fromVnDateTime, toVnDate } from "@/lib/consultations/periods";
import { db } from "@/lib/db";
import { invalid, notFound } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import { appendAudit } from "@/lib/oversight/audit";

import { ANNOUNCE_DAYS_AHEAD, daysAhead, isAnnouncedInTime, lastAnnounceDate } from "./rules";
import type { PlanConferenceValues } from "./schemas";

export async function planConference(access: CommuneAccess, values: PlanConferenceValues, now = new Date()) {
  const startsAt = fromVnDateTime(values.startsAt);
  if (!isAnnouncedInTime(startsAt, now)) {
    throw invalid("dialogueTooSoon", { days: ANNOUNCE_DAYS_AHEAD, ahead: daysAhead(startsAt, now), lastDate: lastAnnounceDate(startsAt) }, { startsAt: "dialogueTooSoon" });
  }
  const commune = await db.commune.findUniqueOrThrow({ where: { id: access.communeId }, select: { slug: true } });
  const villages = await db.village.findMany({
    where: { communeId: access.communeId, ...(values.villageIds.length > 0 ? { id: { in: values.villageIds } } : {}) },
    select: { id: true },
  });
  const wanted = new Set(values.villageIds);
  if (villages.length === 0 || (wanted.size > 0 && villages.length !== wanted.size)) throw notFound("villageNotFound");
  if (values.requestId) {
    const request = await db.dialogueRequest.findFirst({ where: { id: values.requestId, communeId: access.communeId }, select: { id: true } });
    if (!request) throw notFound("dialogueRequestNotFound");
  }
  const heads = await db.membership.findMany({
    where: { communeId: access.communeId, role: "VILLAGE_HEAD", status: "VERIFIED", villageId: { in: villages.map((v) => v.id) } },
    select: { userId: true },
  });

  return db.$transaction(async (tx) => {
    const conference = await tx.dialogueConference.create({
      data: {
        communeId: access.communeId,
        title: values.title,
        startsAt,
        place: values.place,
        onlineLink: values.onlineLink || null,
        topics: values.topics,
        officials: values.officials,
        requestId: values.requestId || null,
        announcedAt: now,
        createdById: access.userId,
        villages: { create: villages.map((v) => ({ villageId: v.id })) },
      },
      select: { id: true },
    });
    for (const head of heads) {
      await notify(tx, {
        communeId: access.communeId,
        userId: head.userId,
        kind: "dialogueAnnounced",
        params: { title: values.title, date: toVnDate(startsAt), time: values.startsAt.slice(11), place: values.place },
        link: `/${commune.slug}/dialogues/${conference.id}`,
      });
    }
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "dialogue.plan",
      entityType: "DialogueConference",
      entityId: conference.id,
      after: { title: values.title, startsAt: startsAt.toISOString(), place: values.place, villages: villages.length },
      details: { startsAt: startsAt.toISOString(), villages: villages.length, villageHeadsTold: heads.length, requestId: values.requestId || null },
    });
    return { id: conference.id, villageHeadsTold: heads.length };
  });
}
