// Residents book a slot on a reception day: one booking a person a day (a partial unique index holds
// it under concurrency), each slot up to the schedule's capacity (counted under a lock on the slot).
// Cancelling keeps the row and frees the place.
import type { CommuneAccess } from "@/lib/auth/authorize";
import { toVnDate } from "@/lib/consultations/periods";
import { db } from "@/lib/db";
import { conflict, invalid, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { appendAudit } from "@/lib/oversight/audit";

import { isoWeekday, readSchedule, slotsOf } from "./schedule";
import type { BookValues } from "./schemas";

const asDate = (day: string) => new Date(`${day}T00:00:00Z`);
const isUniqueViolation = (e: unknown) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";

export async function bookSlot(access: CommuneAccess, input: BookValues, now = new Date()): Promise<{ id: string }> {
  const schedule = await readSchedule(access.communeId);
  if (input.day < toVnDate(now)) throw invalid("receptionDayPast", {}, { day: "receptionDayPast" });
  if (!schedule.weekdays.includes(isoWeekday(input.day))) throw invalid("receptionNotADay", {}, { day: "receptionNotADay" });
  if (!slotsOf(schedule).includes(input.slotTime)) throw invalid("receptionNoSuchSlot", {}, { slotTime: "receptionNoSuchSlot" });
  try {
    return await db.$transaction(async (tx) => {
      // Bookings of one slot queue behind each other, so two cannot both take its last place.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`reception:${access.communeId}:${input.day}:${input.slotTime}`}))`;
      const mine = await tx.receptionBooking.findFirst({ where: { communeId: access.communeId, userId: access.userId, day: asDate(input.day), cancelledAt: null }, select: { id: true } });
      if (mine) throw conflict("receptionOneBookingPerDay");
      const taken = await tx.receptionBooking.count({ where: { communeId: access.communeId, day: asDate(input.day), slotTime: input.slotTime, cancelledAt: null } });
      if (taken >= schedule.slotCapacity) throw conflict("receptionSlotFull", { capacity: schedule.slotCapacity });
      const booking = await tx.receptionBooking.create({
        data: { communeId: access.communeId, userId: access.userId, day: asDate(input.day), slotTime: input.slotTime, topic: input.topic },
        select: { id: true },
      });
      await appendAudit(tx, {
        communeId: access.communeId,
        actorId: access.userId,
        actorRole: access.actingRole,
        action: "reception.booking.create",
        entityType: "ReceptionBooking",
        entityId: booking.id,
        after: { day: input.day, slotTime: input.slotTime, topic: input.topic },
        details: { day: input.day, slotTime: input.slotTime },
      });
      return booking;
    });
  } catch (error) {
    // The unique index on (commune, person, day) among live bookings: a second booking in a race.
    if (isUniqueViolation(error)) throw conflict("receptionOneBookingPerDay");
    throw error;
  }
}

export async function cancelBooking(access: CommuneAccess, bookingId: string, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const booking = await tx.receptionBooking.findFirst({ where: { id: bookingId, communeId: access.communeId, userId: access.userId } });
    if (!booking) throw notFound("receptionBookingNotFound");
    if (booking.cancelledAt) return;
    await tx.receptionBooking.update({ where: { id: booking.id }, data: { cancelledAt: now } });
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "reception.booking.cancel",
      entityType: "ReceptionBooking",
      entityId: booking.id,
      before: { cancelledAt: null },
      after: { cancelledAt: now },
    });
  });
}

/** Places taken per "day slot" among the given days (bookings not cancelled). */
export async function takenPlaces(communeId: string, days: string[]): Promise<Map<string, number>> {
  const rows = await db.receptionBooking.groupBy({
    by: ["day", "slotTime"],
    where: { communeId, day: { in: days.map(asDate) }, cancelledAt: null },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [`${r.day.toISOString().slice(0, 10)} ${r.slotTime}`, r._count._all]));
}

/** A person's bookings from today on, cancelled ones included (marked). */
export async function myBookings(communeId: string, userId: string, now = new Date()) {
  const rows = await db.receptionBooking.findMany({
    where: { communeId, userId, day: { gte: asDate(toVnDate(now)) } },
    orderBy: [{ day: "asc" }, { slotTime: "asc" }],
    select: { id: true, day: true, slotTime: true, topic: true, cancelledAt: true },
  });
  return rows.map((r) => ({ ...r, day: r.day.toISOString().slice(0, 10) }));
}

/** The bookings of one reception day, for the desk. */
export async function bookingsOfDay(communeId: string, day: string) {
  return db.receptionBooking.findMany({
    where: { communeId, day: asDate(day), cancelledAt: null },
    orderBy: [{ slotTime: "asc" }, { createdAt: "asc" }],
    select: { id: true, slotTime: true, topic: true, userId: true },
  });
}
