// What the staff pages of a ballot show: the questions (drafts included), the consultation's vote
// settings, and for entering results the villages in scope with their households and individual votes.
import { db } from "@/lib/db";

export async function getStaffBallot(communeId: string, consultationId: string) {
  return db.consultation.findFirst({
    where: { id: consultationId, communeId },
    select: {
      id: true,
      title: true,
      status: true,
      legalCategory: true,
      allowedChannels: true,
      onlineVoteNoticeAt: true,
      showResultsLive: true,
      isCommuneWide: true,
      commentStartsAt: true,
      commentEndsAt: true,
      questions: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          position: true,
          text: true,
          kind: true,
          votingUnit: true,
          maxChoices: true,
          thresholdRule: true,
          thresholdPercent: true,
          quorumPercent: true,
          secret: true,
          options: { orderBy: { position: "asc" }, select: { id: true, position: true, label: true, isAffirmative: true } },
        },
      },
      villages: { select: { villageId: true } },
    },
  });
}

export type StaffBallot = NonNullable<Awaited<ReturnType<typeof getStaffBallot>>>;

/** Villages in scope (only the head's own, for a village head), with households and individual votes. */
export async function listEntryVillages(communeId: string, ballot: Pick<StaffBallot, "id" | "isCommuneWide" | "villages">, onlyVillageId: string | null) {
  const scope = ballot.isCommuneWide ? null : ballot.villages.map((v) => v.villageId);
  const ids = onlyVillageId ? (scope === null || scope.includes(onlyVillageId) ? [onlyVillageId] : []) : scope;
  const [villages, households, votes] = await Promise.all([
    db.village.findMany({ where: { communeId, ...(ids ? { id: { in: ids } } : {}) }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.household.groupBy({ by: ["villageId"], where: { communeId, isActive: true, ...(ids ? { villageId: { in: ids } } : {}) }, _count: { _all: true } }),
    db.vote.groupBy({ by: ["villageId", "channel"], where: { consultationId: ballot.id, voidedAt: null, ...(ids ? { villageId: { in: ids } } : {}) }, _count: { _all: true } }),
  ]);
  return villages.map((v) => {
    const count = (channel: string) => votes.find((r) => r.villageId === v.id && r.channel === channel)?._count._all ?? 0;
    return {
      id: v.id,
      name: v.name,
      households: households.find((h) => h.villageId === v.id)?._count._all ?? 0,
      individual: { WEB: count("WEB"), PAPER: count("PAPER"), ASSISTED: count("ASSISTED") },
    };
  });
}

export type EntryVillage = Awaited<ReturnType<typeof listEntryVillages>>[number];

/** The meetings recorded for a consultation, newest first, with who entered them and what counts. */
export async function listMeetings(communeId: string, consultationId: string) {
  const [meetings, sources] = await Promise.all([
    db.meetingRecord.findMany({
      where: { communeId, consultationId },
      orderBy: { heldAt: "desc" },
      select: { id: true, villageId: true, heldAt: true, form: true, householdsPresent: true, householdsTotal: true, minutesId: true, enteredById: true, createdAt: true },
    }),
    db.villageTallySource.findMany({ where: { communeId, question: { consultationId } }, select: { villageId: true, source: true, meetingId: true } }),
  ]);
  const people = await db.user.findMany({ where: { id: { in: [...new Set(meetings.map((m) => m.enteredById))] } }, select: { id: true, displayName: true } });
  return {
    meetings: meetings.map((m) => ({ ...m, enteredBy: people.find((p) => p.id === m.enteredById)?.displayName ?? "—" })),
    // One choice per village applies to every question of the consultation.
    sources: Object.fromEntries(sources.map((s) => [s.villageId, { source: s.source, meetingId: s.meetingId }])),
  };
}
