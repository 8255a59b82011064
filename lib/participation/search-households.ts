// Finding a household to enter its paper ballot or to assist one of its members: by the household
// code ("TT-06-0001", "06-0001") or by a member's name typed with or without diacritics ("nguyen van
// an" finds "Nguyễn Văn An"). Only households in the consultation's scope and, for a village head,
// in their own village.
import type { CommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { escapeLike, toSearchKey } from "@/lib/text/search-key";

import { enteringVillageOf, loadBallot } from "./ballot-scope";
import { isAdult, voterKeyOf } from "./eligibility";

const LIMIT = 20;

/** `own` is the village the person may enter for (null: every village); by default, as for votes. */
export async function searchHouseholds(access: CommuneAccess, values: { consultationId: string; query: string }, now = new Date(), own = enteringVillageOf(access)) {
  const ballot = await loadBallot(access.communeId, values.consultationId);
  const scope = ballot.window.isCommuneWide ? null : ballot.window.villageIds;
  const villageFilter = own !== null ? (scope === null || scope.includes(own) ? [own] : []) : scope;
  const key = toSearchKey(values.query);
  const code = values.query.trim();
  const households = await db.household.findMany({
    where: {
      communeId: access.communeId,
      isActive: true,
      ...(villageFilter ? { villageId: { in: villageFilter } } : {}),
      OR: [
        { code: { contains: escapeLike(code), mode: "insensitive" } },
        { members: { some: { isActive: true, nameKey: { contains: escapeLike(key) } } } },
      ],
    },
    select: {
      id: true,
      code: true,
      address: true,
      representativeId: true,
      village: { select: { id: true, name: true } },
      members: { where: { isActive: true }, select: { id: true, fullName: true, birthYear: true }, orderBy: [{ birthYear: "asc" }, { id: "asc" }] },
    },
    orderBy: { code: "asc" },
    take: LIMIT,
  });
  const keys = households.flatMap((h) => [voterKeyOf("HOUSEHOLD", { householdId: h.id }), ...h.members.map((m) => voterKeyOf("RESIDENT", { householdId: h.id, residentId: m.id }))]);
  const votes = keys.length
    ? await db.vote.findMany({
        where: { questionId: { in: ballot.questions.map((q) => q.id) }, voterKey: { in: keys } },
        select: { questionId: true, voterKey: true, channel: true, createdAt: true },
      })
    : [];
  return households.map((h) => ({
    id: h.id,
    code: h.code,
    address: h.address,
    village: h.village,
    members: h.members.map((m) => ({ id: m.id, fullName: m.fullName, birthYear: m.birthYear, isAdult: isAdult(m.birthYear, now), isRepresentative: m.id === h.representativeId })),
    votes: votes
      .filter((v) => v.voterKey === `H:${h.id}` || h.members.some((m) => v.voterKey === `R:${m.id}`))
      .map((v) => ({ questionId: v.questionId, residentId: v.voterKey.startsWith("R:") ? v.voterKey.slice(2) : null, channel: v.channel, at: v.createdAt })),
  }));
}

export type HouseholdMatch = Awaited<ReturnType<typeof searchHouseholds>>[number];
