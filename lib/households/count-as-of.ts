// Counting against the list as it stood on a day. Law 10/2022 Art. 21.1 measures a decision against ALL
// household representatives of the village; the households counted are those on the list on the last
// day of voting (the list "as it stood when voting closed", domain rules): a household that left before
// that day, or on it, is not counted; one that left the day after is. While voting is open the count
// reads today's list; once closed it is kept (lib/participation/closed-counts.ts) and never moves again.
import { Prisma } from "@/lib/generated/prisma/client";
import type { db, Tx } from "@/lib/db";
import type { VotingUnit } from "@/lib/generated/prisma/enums";
import { VOTING_AGE } from "@/lib/participation/eligibility";

import { dayOf, today } from "./list-day";

type Client = Tx | typeof db;

/**
 * The day the list is read for a ballot: the last day of voting once it has ended, today before. The
 * end of the comment period is an instant (the start of the day after, or the last millisecond of the
 * last day): the millisecond before it names the last day either way.
 */
export function countingDay(commentEndsAt: Date | null, now = new Date()): string {
  if (commentEndsAt && commentEndsAt.getTime() <= now.getTime()) return dayOf(new Date(commentEndsAt.getTime() - 1));
  return today(now);
}

const inScope = (villageIds: string[] | null) => (villageIds ? Prisma.sql`AND p."villageId" = ANY(${villageIds}::text[])` : Prisma.empty);

/** Village id → households on the list on `day`. */
export async function householdsOnDay(client: Client, communeId: string, villageIds: string[] | null, day: string): Promise<Map<string, number>> {
  const rows = await client.$queryRaw<{ villageId: string; n: number }[]>`
    SELECT p."villageId", count(*)::int AS n FROM "HouseholdPeriod" p
    WHERE p."communeId" = ${communeId} AND p."validFrom" <= ${day}::date AND (p."validTo" IS NULL OR p."validTo" > ${day}::date) ${inScope(villageIds)}
    GROUP BY 1`;
  return new Map(rows.map((r) => [r.villageId, r.n]));
}

/** Village id → adults (of voting age in the year of `day`) on the list on `day`. */
export async function adultsOnDay(client: Client, communeId: string, villageIds: string[] | null, day: string): Promise<Map<string, number>> {
  const bornBy = Number(day.slice(0, 4)) - VOTING_AGE;
  const rows = await client.$queryRaw<{ villageId: string; n: number }[]>`
    SELECT p."villageId", count(*)::int AS n FROM "ResidentPeriod" p JOIN "Resident" r ON r.id = p."residentId"
    WHERE p."communeId" = ${communeId} AND p."validFrom" <= ${day}::date AND (p."validTo" IS NULL OR p."validTo" > ${day}::date)
      AND r."birthYear" <= ${bornBy} ${inScope(villageIds)}
    GROUP BY 1`;
  return new Map(rows.map((r) => [r.villageId, r.n]));
}

export function eligibleOnDay(client: Client, communeId: string, villageIds: string[] | null, unit: VotingUnit, day: string): Promise<Map<string, number>> {
  return unit === "HOUSEHOLD" ? householdsOnDay(client, communeId, villageIds, day) : adultsOnDay(client, communeId, villageIds, day);
}

/**
 * The villages of the commune on `day`: a village merged away before or on that day is not one of
 * them, nor one split off after it (a village with no households would fail every count).
 */
export function villagesOnDayWhere(day: string) {
  const d = new Date(`${day}T00:00:00Z`);
  return {
    AND: [{ OR: [{ retiredOn: null }, { retiredOn: { gt: d } }] }, { OR: [{ establishedOn: null }, { establishedOn: { lte: d } }] }],
  };
}

/** The same, for villages already read: merged away on or before `day`, or split off after it, are not of that day. */
export function isVillageOnDay(v: { retiredOn: Date | null; establishedOn: Date | null }, day: string): boolean {
  const d = new Date(`${day}T00:00:00Z`).getTime();
  return (!v.retiredOn || v.retiredOn.getTime() > d) && (!v.establishedOn || v.establishedOn.getTime() <= d);
}
