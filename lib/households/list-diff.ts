import "server-only";

// What re-importing the list would change, shown before anything is written: households and people
// new to the list, those the file changes, and those on the list that the file leaves out. The file
// leaving someone out does not mean they are gone (a page may be missing, a name misspelt): nobody is
// marked off the list unless staff confirm it, with the day it took effect. Only the villages the file
// covers are compared: a file of one village leaves the others alone.
import type { CommuneAccess } from "@/lib/auth/authorize";
import type { db, Tx } from "@/lib/db";

import { invalid } from "@/lib/errors";

import { closeEmptyHouseholds, dropRepresentativeIfLeaving, recordChange } from "./change-log";
import { setListDay } from "./list-day";

type Client = Tx | typeof db;

/** How many of each list the preview shows (the counts are always whole). */
export const DIFF_SHOWN = 200;

export type FileRow = { villageId: string; householdCode: string; nameKey: string; birthYear: number };

export type MissingFromFile = {
  households: { id: string; code: string; village: string; people: number }[];
  people: { id: string; fullName: string; code: string }[];
  householdCount: number;
  peopleCount: number;
};

const key = (code: string, nameKey: string, birthYear: number | null) => `${code}\u0000${nameKey}\u0000${birthYear}`;

/** On the list today, in a village the file covers, and not in the file. */
export async function missingFromFile(client: Client, communeId: string, rows: readonly FileRow[]): Promise<MissingFromFile> {
  const villageIds = [...new Set(rows.map((r) => r.villageId))];
  const codes = new Set(rows.map((r) => r.householdCode));
  const inFile = new Set(rows.map((r) => key(r.householdCode, r.nameKey, r.birthYear)));
  if (villageIds.length === 0) return { households: [], people: [], householdCount: 0, peopleCount: 0 };
  const households = await client.household.findMany({
    where: { communeId, isActive: true, villageId: { in: villageIds } },
    select: { id: true, code: true, village: { select: { name: true } }, members: { where: { isActive: true }, select: { id: true, fullName: true, nameKey: true, birthYear: true } } },
    orderBy: { code: "asc" },
  });
  const goneHouseholds = households.filter((h) => !codes.has(h.code));
  const gonePeople = households
    .filter((h) => codes.has(h.code))
    .flatMap((h) => h.members.filter((m) => !inFile.has(key(h.code, m.nameKey, m.birthYear))).map((m) => ({ id: m.id, fullName: m.fullName, code: h.code })));
  return {
    households: goneHouseholds.map((h) => ({ id: h.id, code: h.code, village: h.village.name, people: h.members.length })),
    people: gonePeople,
    householdCount: goneHouseholds.length,
    peopleCount: gonePeople.length,
  };
}

/** For the preview: the first DIFF_SHOWN of each list. */
export const shownMissing = (m: MissingFromFile): MissingFromFile => ({ ...m, households: m.households.slice(0, DIFF_SHOWN), people: m.people.slice(0, DIFF_SHOWN) });

/**
 * Staff confirmed: those missing from the file are off the list from `day` (moved away, as far as the
 * list knows), in the import's transaction. Returns how many households and people were marked.
 */
export async function markMissingGone(tx: Tx, access: CommuneAccess, missing: MissingFromFile, day: string): Promise<{ households: number; people: number }> {
  await setListDay(tx, day);
  const householdIds = missing.households.map((h) => h.id);
  const peopleInGoneHouseholds = await tx.resident.findMany({ where: { householdId: { in: householdIds }, isActive: true }, select: { id: true } });
  const personIds = [...missing.people.map((p) => p.id), ...peopleInGoneHouseholds.map((p) => p.id)];
  // Nobody leaves before the day they came (or last changed): said here, before the triggers refuse it.
  const [h, r] = await Promise.all([
    tx.householdPeriod.count({ where: { householdId: { in: householdIds }, validTo: null, validFrom: { gt: new Date(`${day}T00:00:00Z`) } } }),
    tx.residentPeriod.count({ where: { residentId: { in: personIds }, validTo: null, validFrom: { gt: new Date(`${day}T00:00:00Z`) } } }),
  ]);
  if (h + r > 0) throw invalid("listDayBeforeLastChange");
  await dropRepresentativeIfLeaving(tx, personIds);
  if (personIds.length > 0) await tx.resident.updateMany({ where: { id: { in: personIds }, communeId: access.communeId }, data: { isActive: false } });
  if (householdIds.length > 0) await tx.household.updateMany({ where: { id: { in: householdIds }, communeId: access.communeId }, data: { isActive: false } });
  const emptied = await closeEmptyHouseholds(tx, access.communeId, await householdsOf(tx, missing.people.map((p) => p.id)));
  const households = householdIds.length + emptied.length;
  if (households + missing.people.length > 0) {
    await recordChange(tx, access, day, {
      kind: "MARKED_GONE",
      details: { codes: missing.households.map((h) => h.code), people: missing.people.map((p) => `${p.fullName} (${p.code})`), emptied: emptied.length },
      audit: { households, people: personIds.length },
    });
  }
  return { households, people: personIds.length };
}

async function householdsOf(tx: Tx, residentIds: string[]): Promise<string[]> {
  if (residentIds.length === 0) return [];
  const rows = await tx.resident.findMany({ where: { id: { in: residentIds } }, select: { householdId: true } });
  return [...new Set(rows.map((r) => r.householdId))];
}
