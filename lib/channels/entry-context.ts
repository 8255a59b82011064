// What the entry screen needs: the consultation and its comment period, its sections, the villages and
// village meetings the person may enter for, and the day to propose (today, or the last day of the
// period once it has closed).
import type { CommuneAccess } from "@/lib/auth/authorize";
import { loadCommuneSettings } from "@/lib/communes/commune-settings";
import { toVnDate } from "@/lib/consultations/periods";
import { db } from "@/lib/db";
import { lateEntryUntil } from "@/lib/participation/late-entry";

import { channelVillageOf } from "./roles";

export async function loadEntryContext(access: CommuneAccess, consultationId: string, now = new Date()) {
  const consultation = await db.consultation.findFirst({
    where: { id: consultationId, communeId: access.communeId, status: { notIn: ["DRAFT", "SCHEDULED"] } },
    select: {
      id: true,
      title: true,
      commentStartsAt: true,
      commentEndsAt: true,
      isCommuneWide: true,
      villages: { select: { villageId: true } },
      sections: { select: { id: true, heading: true }, orderBy: { position: "asc" } },
    },
  });
  if (!consultation) return null;
  const own = channelVillageOf(access);
  const scope = consultation.isCommuneWide ? null : consultation.villages.map((v) => v.villageId);
  const villageIds = own !== null ? (scope === null || scope.includes(own) ? [own] : []) : scope;
  const [villages, meetings, { lateEntryDays }, entered] = await Promise.all([
    db.village.findMany({
      where: { communeId: access.communeId, ...(villageIds ? { id: { in: villageIds } } : {}) },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    db.meetingRecord.findMany({
      where: { communeId: access.communeId, consultationId: consultation.id, ...(own ? { villageId: own } : {}) },
      select: { id: true, villageId: true, heldAt: true },
      orderBy: { heldAt: "asc" },
    }),
    loadCommuneSettings(access.communeId),
    db.opinion.count({ where: { consultationId: consultation.id, enteredById: access.userId, channel: { notIn: ["WEB", "ASSISTED"] } } }),
  ]);
  const today = toVnDate(now);
  const last = consultation.commentEndsAt ? toVnDate(consultation.commentEndsAt) : today;
  const open = consultation.commentStartsAt !== null && consultation.commentStartsAt <= now && (!consultation.commentEndsAt || now <= lateEntryUntil(consultation.commentEndsAt, lateEntryDays));
  return {
    id: consultation.id,
    title: consultation.title,
    from: consultation.commentStartsAt ? toVnDate(consultation.commentStartsAt) : null,
    to: consultation.commentEndsAt ? toVnDate(consultation.commentEndsAt) : null,
    open,
    defaultDate: today < last ? today : last,
    today,
    sections: consultation.sections.map((s) => ({ id: s.id, title: s.heading })),
    villages,
    meetings: meetings.map((m) => ({ id: m.id, villageId: m.villageId, heldOn: toVnDate(m.heldAt), village: villages.find((v) => v.id === m.villageId)?.name ?? "" })),
    villageFixed: own,
    enteredBefore: entered,
  };
}

export type EntryContext = NonNullable<Awaited<ReturnType<typeof loadEntryContext>>>;
