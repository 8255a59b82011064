import { describe, expect, it } from "vitest";

import { publicHolidays } from "./holidays";
import { addCalendarDays, addWorkingDays, isWorkingDay } from "./working-days";

const vn = (iso: string) => new Date(`${iso}+07:00`);
const endOf = (day: string) => vn(`${day}T23:59:59.999`).toISOString();

describe("addWorkingDays", () => {
  it("counts Monday to Friday only", () => {
    // Thursday 26 Nov 2026, 10:00 → Friday, Monday → due end of Monday 30 Nov.
    expect(addWorkingDays(vn("2026-11-26T10:00:00"), 2).toISOString()).toBe("2026-11-30T16:59:59.999Z");
    // Friday evening → Monday, Tuesday.
    expect(addWorkingDays(vn("2026-11-27T22:30:00"), 2).toISOString()).toBe("2026-12-01T16:59:59.999Z");
  });

  it("skips fixed public holidays and the commune's own days", () => {
    // Tuesday 29 Dec 2026 → Wednesday 30, Thursday 31 (1 Jan is a holiday).
    expect(addWorkingDays(vn("2026-12-29T09:00:00"), 2).toISOString()).toBe("2026-12-31T16:59:59.999Z");
    // Thursday 31 Dec → Friday 1 Jan is a holiday → Monday 4, Tuesday 5 Jan.
    expect(addWorkingDays(vn("2026-12-31T09:00:00"), 2).toISOString()).toBe("2027-01-05T16:59:59.999Z");
    // A commune's own day off (a local festival) counts too.
    expect(addWorkingDays(vn("2026-11-26T09:00:00"), 1, ["2026-11-27"]).toISOString()).toBe(endOf("2026-11-30"));
  });

  it("uses Vietnam's date, not the server's", () => {
    // 23:30 UTC on Friday is already Saturday in Vietnam.
    expect(addWorkingDays(new Date("2026-11-27T23:30:00Z"), 1).toISOString()).toBe("2026-11-30T16:59:59.999Z");
  });

  it("skips Tết: the day before the offices close is followed by the first day after", () => {
    // Tết Bính Ngọ 2026: offices closed Sat 14 – Sun 22 Feb. Friday 13 Feb + 1 → Monday 23 Feb.
    expect(addWorkingDays(vn("2026-02-13T09:00:00"), 1).toISOString()).toBe(endOf("2026-02-23"));
    // Thursday 12 Feb + 1 → Friday 13 (the last working day before Tết, still a working day).
    expect(addWorkingDays(vn("2026-02-12T09:00:00"), 1).toISOString()).toBe(endOf("2026-02-13"));
    // 10 working days from Friday 13 Feb 2026: 23–27 Feb, 2–6 Mar.
    expect(addWorkingDays(vn("2026-02-13T09:00:00"), 10).toISOString()).toBe(endOf("2026-03-06"));
  });

  it("skips the Hùng Kings' day, and a Friday before a holiday leads past it", () => {
    // Friday 24 Apr 2026 + 1: Monday 27 Apr is the make-up day for Sunday 26 Apr (Hùng Kings) → Tuesday 28.
    expect(addWorkingDays(vn("2026-04-24T09:00:00"), 1).toISOString()).toBe(endOf("2026-04-28"));
    // Wednesday 29 Apr 2026 + 1: Thu 30 Apr and Fri 1 May are holidays → Monday 4 May.
    expect(addWorkingDays(vn("2026-04-29T09:00:00"), 1).toISOString()).toBe(endOf("2026-05-04"));
    // Friday 28 Aug 2026 + 1: Monday 31 Aug is a working day.
    expect(addWorkingDays(vn("2026-08-28T09:00:00"), 1).toISOString()).toBe(endOf("2026-08-31"));
    // Monday 31 Aug + 1: Tue 1 and Wed 2 Sep are National Day → Thursday 3 Sep.
    expect(addWorkingDays(vn("2026-08-31T09:00:00"), 1).toISOString()).toBe(endOf("2026-09-03"));
  });
});

describe("publicHolidays", () => {
  it("makes up a fixed holiday that falls on a weekend on the next working day (Art. 112.3)", () => {
    // 1 May 2027 is a Saturday → Monday 3 May off.
    expect(publicHolidays(2027).has("2027-05-03")).toBe(true);
    // 30 Apr 2028 is a Sunday; Monday 1 May is itself a holiday → Tuesday 2 May off.
    expect(publicHolidays(2028).has("2028-05-02")).toBe(true);
    expect(isWorkingDay(vn("2028-05-03T09:00:00"))).toBe(true);
  });

  it("lists five weekdays of Tết every year 2025–2030", () => {
    for (let year = 2025; year <= 2030; year += 1) {
      const tet = [...publicHolidays(year)].filter((d) => d.slice(5, 7) === "01" || d.slice(5, 7) === "02").filter((d) => d.slice(5) !== "01-01");
      expect(tet.length, String(year)).toBeGreaterThanOrEqual(5);
    }
  });
});

describe("addCalendarDays", () => {
  it("ends at the end of the n-th day, Vietnam time", () => {
    expect(addCalendarDays(vn("2026-12-01T09:00:00"), 30).toISOString()).toBe(endOf("2026-12-31"));
    // 20:00 UTC on 30 Nov is already 1 Dec in Vietnam.
    expect(addCalendarDays(new Date("2026-11-30T20:00:00Z"), 30).toISOString()).toBe(endOf("2026-12-31"));
  });
});
