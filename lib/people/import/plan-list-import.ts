// What an import would change, decided from the file's rows and what the commune's list already
// holds. Pure: the preview shows this plan, and the confirmed import recomputes it inside its
// transaction and writes exactly it. Natural keys: a household by its code in the commune, a resident
// by household + name without diacritics + year of birth. The import never deletes and never blanks a
// value the file leaves empty.
import type { ListRow, RowError } from "./parse-list-rows";

export type ExistingHousehold = {
  id: string;
  code: string;
  villageId: string;
  address: string | null;
  isActive: boolean;
  representativeId: string | null;
};

export type ExistingResident = {
  id: string;
  householdId: string;
  nameKey: string;
  birthYear: number | null;
  fullName: string;
  isActive: boolean;
};

export type RowStatus = "created" | "updated" | "unchanged";

export type ImportPlan = {
  /** Rows refused because they conflict with the list as it is. */
  errors: RowError[];
  newHouseholds: { code: string; villageId: string; address: string | null }[];
  changedHouseholds: { id: string; address: string | null }[];
  newResidents: { householdCode: string; villageId: string; fullName: string; nameKey: string; birthYear: number }[];
  changedResidents: { id: string; fullName: string }[];
  /** Households whose representative the file sets (the person may be new). */
  representatives: { householdCode: string; nameKey: string; birthYear: number }[];
  rowStatus: Map<number, RowStatus>;
  counts: { created: number; updated: number; unchanged: number };
};

const personKey = (householdId: string, nameKey: string, birthYear: number | null) => `${householdId}\u0000${nameKey}\u0000${birthYear}`;

export function planListImport(
  rows: readonly ListRow[],
  existing: { households: readonly ExistingHousehold[]; residents: readonly ExistingResident[] },
  villageNames: ReadonlyMap<string, string>,
): ImportPlan {
  const householdByCode = new Map(existing.households.map((h) => [h.code, h]));
  const residentByKey = new Map(existing.residents.map((r) => [personKey(r.householdId, r.nameKey, r.birthYear), r]));

  const groups = new Map<string, ListRow[]>();
  for (const r of rows) {
    const group = groups.get(r.householdCode);
    if (group) group.push(r);
    else groups.set(r.householdCode, [r]);
  }

  const plan: ImportPlan = {
    errors: [],
    newHouseholds: [],
    changedHouseholds: [],
    newResidents: [],
    changedResidents: [],
    representatives: [],
    rowStatus: new Map(),
    counts: { created: 0, updated: 0, unchanged: 0 },
  };

  for (const [code, group] of groups) {
    const first = group[0]!;
    const address = group.find((r) => r.address)?.address ?? null;
    const before = householdByCode.get(code);
    // Moving a household to another village is not something a list upload should do unnoticed.
    if (before && before.villageId !== first.villageId) {
      for (const r of group) {
        plan.errors.push({ row: r.row, column: "village", code: "listRowHouseholdInOtherVillage", params: { code, village: villageNames.get(before.villageId) ?? "?" } });
      }
      continue;
    }
    let householdChanged = false;
    if (!before) plan.newHouseholds.push({ code, villageId: first.villageId, address });
    else if ((address && address !== before.address) || !before.isActive) {
      plan.changedHouseholds.push({ id: before.id, address: address ?? before.address });
      householdChanged = true;
    }

    for (const r of group) {
      const person = before ? residentByKey.get(personKey(before.id, r.nameKey, r.birthYear)) : undefined;
      let status: RowStatus;
      if (!person) {
        plan.newResidents.push({ householdCode: code, villageId: first.villageId, fullName: r.fullName, nameKey: r.nameKey, birthYear: r.birthYear });
        status = "created";
      } else if (person.fullName !== r.fullName || !person.isActive) {
        // Same person (same key); the spelling or diacritics of the name were corrected.
        plan.changedResidents.push({ id: person.id, fullName: r.fullName });
        status = "updated";
      } else {
        status = householdChanged ? "updated" : "unchanged";
      }
      if (r.isRepresentative && (!before || !person || before.representativeId !== person.id)) {
        plan.representatives.push({ householdCode: code, nameKey: r.nameKey, birthYear: r.birthYear });
        if (status === "unchanged") status = "updated";
      }
      plan.rowStatus.set(r.row, status);
      plan.counts[status]++;
    }
  }
  return plan;
}
