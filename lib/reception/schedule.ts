// The chair's reception days: a commune's weekdays, place and hours, and the slots residents book.
// The weekly floor is a legal rule (./rules.ts, Law 42/2013 Art. 15.2.d): a schedule below it is refused.
import type { CommuneAccess } from "@/lib/auth/authorize";
import { toVnDate } from "@/lib/consultations/periods";
import { db } from "@/lib/db";
import { invalid } from "@/lib/errors";
import { appendAudit } from "@/lib/oversight/audit";

import { MIN_RECEPTION_DAYS_PER_WEEK, meetsWeeklyFloor, RECEPTION_DAYS_ARTICLE } from "./rules";
import type { ScheduleValues } from "./schemas";

export type ReceptionSchedule = {
  weekdays: number[];
  place: string;
  startTime: string;
  endTime: string;
  slotMinutes: number;
  slotCapacity: number;
  /** False while the commune keeps the platform's default. */
  isSet: boolean;
};

/** Until a commune sets its own: Thursday mornings at the commune office. */
export const DEFAULT_SCHEDULE: ReceptionSchedule = {
  weekdays: [4],
  place: "Phòng tiếp công dân, trụ sở UBND xã",
  startTime: "07:30",
  endTime: "11:00",
  slotMinutes: 30,
  slotCapacity: 2,
  isSet: false,
};

export async function readSchedule(communeId: string): Promise<ReceptionSchedule> {
  const row = await db.receptionSchedule.findUnique({ where: { communeId } });
  if (!row) return DEFAULT_SCHEDULE;
  return { weekdays: row.weekdays, place: row.place, startTime: row.startTime, endTime: row.endTime, slotMinutes: row.slotMinutes, slotCapacity: row.slotCapacity, isSet: true };
}

export async function saveSchedule(access: CommuneAccess, input: ScheduleValues): Promise<ReceptionSchedule> {
  if (!meetsWeeklyFloor(input.weekdays)) {
    throw invalid("receptionBelowWeeklyFloor", { min: MIN_RECEPTION_DAYS_PER_WEEK, article: RECEPTION_DAYS_ARTICLE }, { weekdays: "receptionBelowWeeklyFloor" });
  }
  if (slotsOf({ ...input }).length === 0) throw invalid("receptionHoursInvalid", {}, { endTime: "receptionHoursInvalid" });
  const data = {
    weekdays: input.weekdays,
    place: input.place,
    startTime: input.startTime,
    endTime: input.endTime,
    slotMinutes: input.slotMinutes,
    slotCapacity: input.slotCapacity,
    updatedById: access.userId,
  };
  await db.$transaction(async (tx) => {
    const before = await tx.receptionSchedule.findUnique({ where: { communeId: access.communeId } });
    await tx.receptionSchedule.upsert({ where: { communeId: access.communeId }, create: { communeId: access.communeId, ...data }, update: data });
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "reception.schedule.save",
      entityType: "ReceptionSchedule",
      entityId: access.communeId,
      before,
      after: data,
      details: { weekdays: input.weekdays, startTime: input.startTime, endTime: input.endTime },
    });
  });
  return { ...data, isSet: true };
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

/** The start times of a reception day's slots ("07:30", "08:00", …); a slot ends by the closing time. */
export function slotsOf(s: Pick<ReceptionSchedule, "startTime" | "endTime" | "slotMinutes">): string[] {
  const out: string[] = [];
  for (let m = minutes(s.startTime); m + s.slotMinutes <= minutes(s.endTime); m += s.slotMinutes) out.push(hhmm(m));
  return out;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a "YYYY-MM-DD" date. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The next `count` reception days from today (Vietnam time), today included. */
export function upcomingDays(schedule: Pick<ReceptionSchedule, "weekdays">, now = new Date(), count = 4): string[] {
  const days: string[] = [];
  const start = Date.parse(`${toVnDate(now)}T00:00:00Z`);
  for (let i = 0; days.length < count && i < 7 * count + 7; i++) {
    const day = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
    if (schedule.weekdays.includes(isoWeekday(day))) days.push(day);
  }
  return days;
}
