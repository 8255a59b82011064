import { describe, expect, it } from "vitest";

import { maskIdNumber, meetsWeeklyFloor, representativesRange } from "./rules";
import { isoWeekday, slotsOf, upcomingDays } from "./schedule";

describe("the weekly floor of the chair's reception days (Law 42/2013 Art. 15.2.d)", () => {
  it("is met by exactly one day a week, not by none or by out-of-range days", () => {
    expect(meetsWeeklyFloor([4])).toBe(true);
    expect(meetsWeeklyFloor([2, 4])).toBe(true);
    expect(meetsWeeklyFloor([])).toBe(false);
    expect(meetsWeeklyFloor([0, 8])).toBe(false);
  });
});

describe("representatives of many people with one content (Law 42/2013 Art. 29)", () => {
  it("none below 5; 1–2 from 5 to 10; at most 5 above 10", () => {
    expect(representativesRange(4)).toBeNull();
    expect(representativesRange(5)).toEqual({ min: 1, max: 2 });
    expect(representativesRange(10)).toEqual({ min: 1, max: 2 });
    expect(representativesRange(11)).toEqual({ min: 1, max: 5 });
  });
});

describe("ID numbers in lists", () => {
  it("show the last three characters only", () => {
    expect(maskIdNumber("051089123456")).toBe("•••••••••456");
    expect(maskIdNumber("B1234")).toBe("•••234");
    expect(maskIdNumber(null)).toBeNull();
  });
});

describe("slots and days", () => {
  it("cuts the hours into slots that end by the closing time", () => {
    expect(slotsOf({ startTime: "07:30", endTime: "09:15", slotMinutes: 30 })).toEqual(["07:30", "08:00", "08:30"]);
  });
  it("lists the next reception days in Vietnam time, today included", () => {
    expect(isoWeekday("2026-12-07")).toBe(1);
    expect(isoWeekday("2026-12-13")).toBe(7);
    // Monday 7 Dec 2026, 23:30 in Hà Nội (16:30 UTC): still Monday there.
    expect(upcomingDays({ weekdays: [1, 4] }, new Date("2026-12-07T16:30:00Z"), 3)).toEqual(["2026-12-07", "2026-12-10", "2026-12-14"]);
  });
});
