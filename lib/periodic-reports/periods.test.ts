import { describe, expect, it } from "vitest";

import { currentAndPreviousQuarter, isInPeriod, offeredPeriods, parseReportPeriod, periodDays, quartersOf } from "./periods";

const vn = (local: string) => new Date(`${local}+07:00`);

describe("report periods in Vietnam time", () => {
  it("ends a quarter at the last millisecond of its last day in Hà Nội, whatever the server's zone", () => {
    const q3 = parseReportPeriod("2026-Q3")!;
    expect(periodDays(q3)).toEqual({ firstDay: "2026-07-01", lastDay: "2026-09-30" });
    expect(isInPeriod(q3, vn("2026-07-01T00:00:00"))).toBe(true);
    expect(isInPeriod(q3, vn("2026-06-30T23:59:59.999"))).toBe(false);
    expect(isInPeriod(q3, vn("2026-09-30T23:59:59.999"))).toBe(true);
    expect(isInPeriod(q3, vn("2026-10-01T00:00:00"))).toBe(false);
    // 30 September 20:00 UTC is already 1 October in Vietnam.
    expect(isInPeriod(q3, new Date("2026-09-30T20:00:00Z"))).toBe(false);
    expect(periodDays(parseReportPeriod("2026-H2")!)).toEqual({ firstDay: "2026-07-01", lastDay: "2026-12-31" });
    expect(periodDays(parseReportPeriod("2024")!)).toEqual({ firstDay: "2024-01-01", lastDay: "2024-12-31" });
  });

  it("covers a half-year and a year with their quarters, for the ratings kept per quarter", () => {
    expect(quartersOf(parseReportPeriod("2026-Q2")!)).toEqual(["2026-Q2"]);
    expect(quartersOf(parseReportPeriod("2026-H1")!)).toEqual(["2026-Q1", "2026-Q2"]);
    expect(quartersOf(parseReportPeriod("2026-H2")!)).toEqual(["2026-Q3", "2026-Q4"]);
    expect(quartersOf(parseReportPeriod("2026")!)).toEqual(["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]);
  });

  it("offers the quarter just ended, across the new year in Vietnam time", () => {
    expect(currentAndPreviousQuarter(vn("2027-01-01T00:30:00"))).toEqual(["2027-Q1", "2026-Q4"]);
    expect(currentAndPreviousQuarter(vn("2026-12-31T23:30:00"))).toEqual(["2026-Q4", "2026-Q3"]);
    expect(offeredPeriods(vn("2027-01-01T00:30:00"))).toEqual(["2027-Q1", "2026-Q4", "2027-H1", "2027-H2", "2027", "2026"]);
    expect(parseReportPeriod("2026-Q5")).toBeNull();
  });
});
