import { describe, expect, it } from "vitest";

import { GOVERNMENT_DECISIONS, LUNAR_DATES, defaultTet, hasHolidayList, isWorkedWeekendDay, publicHolidays } from "./holidays";
import { addWorkingDays, isWorkingDay } from "./working-days";

const vn = (iso: string) => new Date(`${iso}+07:00`);
const endOf = (day: string) => vn(`${day}T23:59:59.999`).toISOString();
const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();

describe("the lunar dates", () => {
  it("follow Vietnam's calendar, not China's: Tết 2030 is Saturday 2 February", () => {
    expect(LUNAR_DATES[2030]![0]).toBe("2030-02-02");
    expect(LUNAR_DATES[2026]).toEqual(["2026-02-17", "2026-04-26"]);
  });

  it("put the Hùng Kings' day 69 to 70 days after Tết (10th day of the 3rd month, no leap month between)", () => {
    for (const [year, [tet, hung]] of Object.entries(LUNAR_DATES)) {
      const days = (Date.parse(hung) - Date.parse(tet)) / 86_400_000;
      // Two or three lunar months of 29 or 30 days, plus 9 days; a leap 2nd month adds one more month.
      expect(days, year).toBeGreaterThanOrEqual(2 * 29 + 9);
      expect(days, year).toBeLessThanOrEqual(3 * 30 + 9);
    }
  });
});

describe("the government's decisions", () => {
  it("name their source, and every swap gives a weekday off for a weekend day worked", () => {
    for (const [year, list] of Object.entries(GOVERNMENT_DECISIONS)) {
      for (const d of list) {
        expect(d.source.length, year).toBeGreaterThan(20);
        for (const s of d.swaps ?? []) {
          expect([0, 6], s.workedOn).toContain(weekday(s.workedOn));
          expect([0, 6], s.dayOff).not.toContain(weekday(s.dayOff));
        }
        for (const day of d.tet ?? []) expect([0, 6], day).not.toContain(weekday(day));
      }
    }
  });

  it("a swap day: Saturday 10 January 2026 is worked, Friday 2 January is off", () => {
    expect(isWorkedWeekendDay("2026-01-10")).toBe(true);
    expect(isWorkingDay(vn("2026-01-10T09:00:00"))).toBe(true);
    expect(isWorkingDay(vn("2026-01-02T09:00:00"))).toBe(false);
    // Wednesday 31 Dec 2025 + 1 → Thu 1 Jan (New Year) and Fri 2 Jan (swapped) are off → Monday 5 Jan.
    expect(addWorkingDays(vn("2025-12-31T09:00:00"), 1).toISOString()).toBe(endOf("2026-01-05"));
    // Friday 9 Jan + 1 → the worked Saturday 10 Jan.
    expect(addWorkingDays(vn("2026-01-09T09:00:00"), 1).toISOString()).toBe(endOf("2026-01-10"));
    // A commune that closes on that Saturday all the same (its own day off) skips it.
    expect(addWorkingDays(vn("2026-01-09T09:00:00"), 1, ["2026-01-10"]).toISOString()).toBe(endOf("2026-01-12"));
  });

  it("the 2025 swap: Friday 2 May off, Saturday 26 April worked", () => {
    expect(isWorkingDay(vn("2025-04-26T09:00:00"))).toBe(true);
    // Tuesday 29 Apr 2025 + 1 → 30 Apr, 1 May, 2 May off, then the weekend → Monday 5 May.
    expect(addWorkingDays(vn("2025-04-29T09:00:00"), 1).toISOString()).toBe(endOf("2025-05-05"));
  });

  it("lists Tết for the years it has, and says so", () => {
    expect(hasHolidayList(2026)).toBe(true);
    expect(hasHolidayList(2031)).toBe(false);
  });
});

describe("a clock running over Tết", () => {
  it("in a year with a decision (2026): the last working day before, then the first after", () => {
    // Friday 13 Feb 2026 + 1 → offices closed Sat 14 – Sun 22 Feb → Monday 23 Feb.
    expect(addWorkingDays(vn("2026-02-13T16:00:00"), 1).toISOString()).toBe(endOf("2026-02-23"));
    // Ten working days from Wednesday 11 Feb: 12, 13, 23–27 Feb, 2, 3, 4 Mar.
    expect(addWorkingDays(vn("2026-02-11T09:00:00"), 10).toISOString()).toBe(endOf("2026-03-04"));
  });

  it("in a year without one, by the usual pattern: Tết Đinh Mùi 2027 (Saturday 6 Feb)", () => {
    // The last day of the year (Fri 5 Feb) and mùng 1–4; Sat 6 and Sun 7 made up on Wed 10 and Thu 11.
    const feb = [...publicHolidays(2027)].filter((d) => d.startsWith("2027-02")).filter((d) => weekday(d) !== 0 && weekday(d) !== 6).sort();
    expect(feb).toEqual(["2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11"]);
    // Thursday 4 Feb 2027 + 1 → Friday 12 Feb.
    expect(addWorkingDays(vn("2027-02-04T09:00:00"), 1).toISOString()).toBe(endOf("2027-02-12"));
  });

  it("Tết 2030 falls on Vietnam's day: the usual pattern starts Friday 1 Feb", () => {
    expect(defaultTet("2030-02-02")).toEqual(["2030-02-01", "2030-02-02", "2030-02-03", "2030-02-04", "2030-02-05"]);
    expect(isWorkingDay(vn("2030-02-01T09:00:00"))).toBe(false);
    // Sat 2 and Sun 3 made up on Wed 6 and Thu 7: Friday 8 Feb is the first working day.
    expect(addWorkingDays(vn("2030-01-31T09:00:00"), 1).toISOString()).toBe(endOf("2030-02-08"));
  });

  it("skips the Hùng Kings' day of a year without a decision, from the lunar table", () => {
    // Hùng Kings' day 2027 is Friday 16 April: Thursday 15 + 1 → Monday 19.
    expect(addWorkingDays(vn("2027-04-15T09:00:00"), 1).toISOString()).toBe(endOf("2027-04-19"));
  });
});
