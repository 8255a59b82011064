// Participation by village against ALL households of the village (not only those who took part), for
// the Front's review and the report: households with an opinion, households that voted, and the
// attendance of the latest village meeting. The households are those the ballot is counted against: kept
// at close, or the list on the last day of voting (today's while it is open), lib/households/count-as-of.ts.
import { db } from "@/lib/db";
import { countingDay, householdsOnDay, isVillageOnDay } from "@/lib/households/count-as-of";
import { frozenEligible } from "@/lib/participation/closed-counts";

export type VillageParticipation = {
  villageId: string;
  village: string;
  households: number;
  withOpinion: number;
  voted: number;
  meetingPresent: number | null;
};

export async function participationByVillage(communeId: string, consultationId: string): Promise<VillageParticipation[]> {
  const consultation = await db.consultation.findFirstOrThrow({
    where: { id: consultationId, communeId },
    select: { isCommuneWide: true, commentEndsAt: true, villages: { select: { villageId: true } }, questions: { where: { votingUnit: "HOUSEHOLD" }, select: { id: true }, take: 1 } },
  });
  const scope = consultation.isCommuneWide ? null : consultation.villages.map((v) => v.villageId);
  const day = countingDay(consultation.commentEndsAt);
  const question = consultation.questions[0];
  const [all, frozen, onDay] = await Promise.all([
    db.village.findMany({
      where: { communeId, ...(scope ? { id: { in: scope } } : {}) },
      select: { id: true, name: true, retiredOn: true, establishedOn: true },
      orderBy: { name: "asc" },
    }),
    question ? frozenEligible(db, [question.id]).then((m) => m.get(question.id)) : undefined,
    householdsOnDay(db, communeId, scope, day),
  ]);
  const villages = all
    .filter((v) => (frozen ? frozen.has(v.id) : isVillageOnDay(v, day)))
    .map((v) => ({ ...v, householdCount: (frozen ?? onDay).get(v.id) ?? 0 }));
  const [opinionRows, voteRows, meetings] = await Promise.all([
    db.$queryRaw<{ villageId: string; n: bigint }[]>`
      SELECT "villageId", count(DISTINCT "householdId") AS n FROM "Opinion"
      WHERE "consultationId" = ${consultationId} AND "householdId" IS NOT NULL GROUP BY "villageId"`,
    db.$queryRaw<{ villageId: string; n: bigint }[]>`
      SELECT "villageId", count(DISTINCT "householdId") AS n FROM "Vote"
      WHERE "consultationId" = ${consultationId} AND "householdId" IS NOT NULL AND "voidedAt" IS NULL GROUP BY "villageId"`,
    db.meetingRecord.findMany({
      where: { consultationId },
      select: { villageId: true, householdsPresent: true, heldAt: true },
      orderBy: { heldAt: "desc" },
    }),
  ]);
  const count = (rows: { villageId: string; n: bigint }[], id: string) => Number(rows.find((r) => r.villageId === id)?.n ?? 0);
  return villages.map((v) => ({
    villageId: v.id,
    village: v.name,
    households: v.householdCount,
    withOpinion: count(opinionRows, v.id),
    voted: count(voteRows, v.id),
    meetingPresent: meetings.find((m) => m.villageId === v.id)?.householdsPresent ?? null,
  }));
}

/** The offline records and the disclosure register entries of a consultation, for the Front. */
export async function offlineRecords(consultationId: string) {
  const [meetings, postings] = await Promise.all([
    db.meetingRecord.findMany({
      where: { consultationId },
      select: { id: true, villageId: true, heldAt: true, form: true, householdsPresent: true, householdsTotal: true, minutesId: true, notes: true },
      orderBy: { heldAt: "desc" },
    }),
    db.disclosurePosting.findMany({
      where: { consultationId },
      select: { id: true, channel: true, location: true, startsAt: true, endsAt: true, broadcastDates: true, photoId: true },
      orderBy: { startsAt: "asc" },
    }),
  ]);
  return { meetings, postings };
}
