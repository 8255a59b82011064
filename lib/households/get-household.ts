import "server-only";

import { db } from "@/lib/db";

/** A household for staff: who is on the list in it now, who was, and its history with each change's day. */
export async function getHouseholdForStaff(communeId: string, householdId: string) {
  const household = await db.household.findFirst({
    where: { id: householdId, communeId },
    select: {
      id: true,
      code: true,
      address: true,
      isActive: true,
      representativeId: true,
      villageId: true,
      village: { select: { name: true } },
      members: { select: { id: true, fullName: true, birthYear: true, isActive: true }, orderBy: [{ isActive: "desc" }, { fullName: "asc" }] },
    },
  });
  if (!household) return null;
  const history = await db.householdChange.findMany({
    where: { communeId, OR: [{ householdId }, { residentId: { in: household.members.map((m) => m.id) } }] },
    orderBy: [{ effectiveOn: "desc" }, { recordedAt: "desc" }],
    take: 100,
    select: { id: true, kind: true, effectiveOn: true, details: true, recordedAt: true },
  });
  return { ...household, history };
}

/** The villages that can take households now (not merged away). */
export function listOpenVillages(communeId: string) {
  return db.village.findMany({ where: { communeId, retiredOn: null }, select: { id: true, name: true, householdCount: true, establishedOn: true }, orderBy: { name: "asc" } });
}

/** Every village with its days, and the changes to villages (merges, splits), for the villages page. */
export async function listVillageHistory(communeId: string) {
  const [villages, changes] = await Promise.all([
    db.village.findMany({ where: { communeId }, select: { id: true, name: true, householdCount: true, establishedOn: true, retiredOn: true }, orderBy: [{ retiredOn: { sort: "desc", nulls: "first" } }, { name: "asc" }] }),
    db.householdChange.findMany({ where: { communeId, kind: { in: ["VILLAGES_MERGED", "VILLAGE_SPLIT"] } }, orderBy: { effectiveOn: "desc" }, take: 50, select: { id: true, kind: true, effectiveOn: true, details: true } }),
  ]);
  return { villages, changes };
}
