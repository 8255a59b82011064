import { describe, expect, it } from "vitest";

import { isRealDate, longestConsecutiveRun, makesConsecutiveDays, normaliseDates } from "./broadcast-days";

describe("longestConsecutiveRun", () => {
  it("finds three consecutive days in any order, counting each day once", () => {
    expect(longestConsecutiveRun(["2026-12-07", "2026-12-05", "2026-12-06", "2026-12-06"])).toEqual({ days: 3, from: "2026-12-05", to: "2026-12-07" });
  });

  it("counts across the end of a month, a year and a leap day", () => {
    expect(longestConsecutiveRun(["2026-11-30", "2026-12-01", "2026-12-02"]).days).toBe(3);
    expect(longestConsecutiveRun(["2026-12-31", "2027-01-01", "2027-01-02"])).toEqual({ days: 3, from: "2026-12-31", to: "2027-01-02" });
    expect(longestConsecutiveRun(["2028-02-28", "2028-02-29", "2028-03-01"]).days).toBe(3);
    // 2027 has no 29 February: 28 February and 1 March are consecutive.
    expect(longestConsecutiveRun(["2027-02-27", "2027-02-28", "2027-03-01"]).days).toBe(3);
    // 30 April and 1 May are consecutive, 30 April and 2 May are not.
    expect(longestConsecutiveRun(["2026-04-29", "2026-04-30", "2026-05-02"]).days).toBe(2);
  });

  it("does not join days with a gap, and keeps the longest run", () => {
    const run = longestConsecutiveRun(["2026-12-01", "2026-12-02", "2026-12-04", "2026-12-05", "2026-12-06", "2026-12-07", "2026-12-09"]);
    expect(run).toEqual({ days: 4, from: "2026-12-04", to: "2026-12-07" });
    expect(makesConsecutiveDays(["2026-12-01", "2026-12-03", "2026-12-05"])).toBe(false);
    expect(makesConsecutiveDays(["2026-12-01", "2026-12-02"])).toBe(false);
  });

  it("has nothing to say about no days", () => {
    expect(longestConsecutiveRun([])).toEqual({ days: 0, from: null, to: null });
  });
});

describe("dates", () => {
  it("drops days that are not on the calendar", () => {
    expect(isRealDate("2026-02-29")).toBe(false);
    expect(isRealDate("2028-02-29")).toBe(true);
    expect(isRealDate("2026-13-01")).toBe(false);
    expect(normaliseDates(["2026-12-02", "x", "2026-02-30", "2026-12-01"])).toEqual(["2026-12-01", "2026-12-02"]);
  });
});
