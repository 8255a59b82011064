import { describe, expect, it } from "vitest";

import { isAppError } from "@/lib/errors";

import { countingDay } from "./count-as-of";
import { checkEffectiveDay, dayAfter, dayBefore, dayOf } from "./list-day";

const codeOf = (f: () => unknown) => {
  try {
    f();
    return "ok";
  } catch (e) {
    if (isAppError(e)) return e.code;
    throw e;
  }
};

describe("the day a count reads the list on", () => {
  const now = new Date("2026-03-20T05:00:00Z");
  it("is the last day of voting, however the end of the period is written", () => {
    // Voting ends at the start of 11 March in Vietnam, or at the last millisecond of 10 March: both name 10 March.
    expect(countingDay(new Date("2026-03-10T17:00:00Z"), now)).toBe("2026-03-10");
    expect(countingDay(new Date("2026-03-10T16:59:59.999Z"), now)).toBe("2026-03-10");
    // 00:30 on 11 March in Vietnam is still 10 March in UTC: the day is Vietnam's.
    expect(countingDay(new Date("2026-03-10T17:30:00Z"), now)).toBe("2026-03-11");
  });
  it("is today while voting is open, or without an end", () => {
    expect(countingDay(new Date("2026-03-25T17:00:00Z"), now)).toBe("2026-03-20");
    expect(countingDay(null, now)).toBe("2026-03-20");
  });
  it("is Vietnam's day", () => {
    expect(dayOf(new Date("2026-03-10T16:59:59Z"))).toBe("2026-03-10");
    expect(dayOf(new Date("2026-03-10T17:00:00Z"))).toBe("2026-03-11");
  });
});

describe("the day a change takes effect", () => {
  const now = new Date("2026-03-20T05:00:00Z");
  it("is today or earlier, never a day to come", () => {
    expect(codeOf(() => checkEffectiveDay("2026-03-20", now))).toBe("ok");
    expect(codeOf(() => checkEffectiveDay("2026-01-02", now))).toBe("ok");
    expect(codeOf(() => checkEffectiveDay("2026-03-21", now))).toBe("listDayInFuture");
    expect(codeOf(() => checkEffectiveDay("2026-02-30", now))).toBe("listDayInvalid");
    expect(codeOf(() => checkEffectiveDay("20/03/2026", now))).toBe("listDayInvalid");
  });
  it("steps over months and years", () => {
    expect(dayBefore("2026-03-01")).toBe("2026-02-28");
    expect(dayAfter("2026-12-31")).toBe("2027-01-01");
  });
});
