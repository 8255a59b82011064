import { describe, expect, it } from "vitest";

import type { ListRow } from "./parse-list-rows";
import { planListImport } from "./plan-list-import";

const row = (n: number, code: string, fullName: string, nameKey: string, birthYear: number, extra: Partial<ListRow> = {}): ListRow => ({
  row: n,
  villageId: "v1",
  householdCode: code,
  address: null,
  fullName,
  nameKey,
  birthYear,
  isRepresentative: false,
  ...extra,
});

const villages = new Map([
  ["v1", "Phú Khương"],
  ["v2", "Tân Phú 1"],
]);

const existing = {
  households: [
    { id: "h1", code: "A1", villageId: "v1", address: "Tổ 1", isActive: true, representativeId: "r1" },
    { id: "h2", code: "A2", villageId: "v2", address: null, isActive: true, representativeId: null },
  ],
  residents: [
    { id: "r1", householdId: "h1", nameKey: "nguyen van an", birthYear: 1970, fullName: "Nguyễn Văn An", isActive: true },
    { id: "r2", householdId: "h1", nameKey: "tran thi binh", birthYear: 1972, fullName: "Tran Thi Binh", isActive: true },
  ],
};

describe("planListImport", () => {
  it("creates what is new, updates what changed and leaves the rest", () => {
    const plan = planListImport(
      [
        row(2, "A1", "Nguyễn Văn An", "nguyen van an", 1970), // unchanged
        row(3, "A1", "Trần Thị Bình", "tran thi binh", 1972), // diacritics added: same person, updated
        row(4, "A1", "Nguyễn Văn Cả", "nguyen van ca", 2001), // new member
        row(5, "B1", "Lê Văn Dũng", "le van dung", 1960, { isRepresentative: true, address: "Tổ 2" }), // new household
      ],
      existing,
      villages,
    );
    expect(plan.errors).toEqual([]);
    expect(plan.newHouseholds).toEqual([{ code: "B1", villageId: "v1", address: "Tổ 2" }]);
    expect(plan.changedHouseholds).toEqual([]);
    expect(plan.newResidents.map((r) => r.fullName)).toEqual(["Nguyễn Văn Cả", "Lê Văn Dũng"]);
    expect(plan.changedResidents).toEqual([{ id: "r2", fullName: "Trần Thị Bình" }]);
    expect(plan.representatives).toEqual([{ householdCode: "B1", nameKey: "le van dung", birthYear: 1960 }]);
    expect([...plan.rowStatus]).toEqual([
      [2, "unchanged"],
      [3, "updated"],
      [4, "created"],
      [5, "created"],
    ]);
    expect(plan.counts).toEqual({ created: 2, updated: 1, unchanged: 1 });
  });

  it("counts a changed address or representative as an update, and never blanks a value the file leaves empty", () => {
    const plan = planListImport(
      [
        row(2, "A1", "Nguyễn Văn An", "nguyen van an", 1970, { address: null }),
        row(3, "A1", "Tran Thi Binh", "tran thi binh", 1972, { isRepresentative: true }),
      ],
      existing,
      villages,
    );
    expect(plan.changedHouseholds).toEqual([]);
    expect(plan.representatives).toEqual([{ householdCode: "A1", nameKey: "tran thi binh", birthYear: 1972 }]);
    expect(plan.counts).toEqual({ created: 0, updated: 1, unchanged: 1 });

    const moved = planListImport([row(2, "A1", "Nguyễn Văn An", "nguyen van an", 1970, { address: "Tổ 5" })], existing, villages);
    expect(moved.changedHouseholds).toEqual([{ id: "h1", address: "Tổ 5" }]);
    expect(moved.counts.updated).toBe(1);
  });

  it("refuses every row of a household that the list has in another village", () => {
    const plan = planListImport(
      [row(2, "A2", "Phạm Văn Em", "pham van em", 1990), row(3, "A2", "Phạm Thị Gái", "pham thi gai", 1992)],
      existing,
      villages,
    );
    expect(plan.errors).toEqual([
      { row: 2, column: "village", code: "listRowHouseholdInOtherVillage", params: { code: "A2", village: "Tân Phú 1" } },
      { row: 3, column: "village", code: "listRowHouseholdInOtherVillage", params: { code: "A2", village: "Tân Phú 1" } },
    ]);
    expect(plan.newResidents).toEqual([]);
    expect(plan.rowStatus.size).toBe(0);
  });
});
