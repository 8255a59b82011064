// The board's clocks at their boundaries: a plan's 5 working days' notice (Decree 59/2023 Art. 14),
// the People's Committee's 15 days to answer a recommendation (Law 10/2022 Art. 40.1), report periods.
import { describe, expect, it } from "vitest";

import { answerClock, currentPeriods, earliestPlanStart, parseReportPeriod, periodLabel, planNoticeIsEnough, recommendationDueAt } from "./rules";

// Monday 7 December 2026, 10:00 in Vietnam.
const MONDAY = new Date("2026-12-07T03:00:00Z");

describe("an inspection plan's notice (5 working days, Decree 59/2023 Art. 14)", () => {
  it("lets the inspection start exactly on the 5th working day after sending, not a day earlier", () => {
    expect(earliestPlanStart(MONDAY)).toBe("2026-12-14");
    expect(planNoticeIsEnough(MONDAY, "2026-12-14")).toBe(true);
    expect(planNoticeIsEnough(MONDAY, "2026-12-11")).toBe(false);
    expect(planNoticeIsEnough(MONDAY, "2026-12-13")).toBe(false); // a Sunday: still short
  });

  it("counts the day of sending out, and a send late in the evening (Vietnam time) as that day", () => {
    const lateEvening = new Date("2026-12-07T16:30:00Z"); // 23:30 Monday in Vietnam
    expect(earliestPlanStart(lateEvening)).toBe("2026-12-14");
    const afterMidnight = new Date("2026-12-07T17:30:00Z"); // 00:30 Tuesday in Vietnam
    expect(earliestPlanStart(afterMidnight)).toBe("2026-12-15");
  });

  it("skips public holidays and the commune's own days off", () => {
    // Sent Tuesday 29 December 2026: 1 January is a holiday, so the 5th working day is Wednesday 6 January.
    expect(earliestPlanStart(new Date("2026-12-29T03:00:00Z"))).toBe("2027-01-06");
    expect(earliestPlanStart(MONDAY, ["2026-12-10"])).toBe("2026-12-15");
    expect(planNoticeIsEnough(MONDAY, "2026-12-14", ["2026-12-10"])).toBe(false);
  });
});

describe("the People's Committee's answer to a recommendation (15 days, Law 10/2022 Art. 40.1)", () => {
  const due = recommendationDueAt(MONDAY);

  it("is due at the end of the 15th calendar day after it arrived, Vietnam time", () => {
    expect(due.toISOString()).toBe("2026-12-22T16:59:59.999Z");
  });

  it("runs until the last moment of the 15th day and is overdue from the next", () => {
    expect(answerClock({ dueAt: due, answeredAt: null }, due)).toEqual({ state: "waiting", daysLeft: 0 });
    expect(answerClock({ dueAt: due, answeredAt: null }, new Date(due.getTime() + 1))).toEqual({ state: "overdue", daysLeft: -1 });
    expect(answerClock({ dueAt: due, answeredAt: null }, MONDAY)).toEqual({ state: "waiting", daysLeft: 15 });
  });

  it("marks an answer given on the last day on time, and one a moment later late", () => {
    expect(answerClock({ dueAt: due, answeredAt: due })?.state).toBe("answered");
    expect(answerClock({ dueAt: due, answeredAt: new Date(due.getTime() + 1) })?.state).toBe("answeredLate");
    expect(answerClock({ dueAt: null, answeredAt: null })).toBeNull();
  });
});

describe("report periods (Decree 59/2023 Art. 14: quarterly, half-yearly, yearly)", () => {
  it("reads quarters, halves and years in Vietnam time, and refuses anything else", () => {
    const q4 = parseReportPeriod("2026-Q4")!;
    expect(q4.from.toISOString()).toBe("2026-09-30T17:00:00.000Z");
    expect(q4.to.toISOString()).toBe("2026-12-31T17:00:00.000Z");
    expect(parseReportPeriod("2026-H1")!.to.toISOString()).toBe("2026-06-30T17:00:00.000Z");
    expect(parseReportPeriod("2026")!.kind).toBe("YEAR");
    for (const bad of ["", "2026-Q5", "2026-H3", "26-Q1", "2026-Q1;drop", "1999"]) expect(parseReportPeriod(bad)).toBeNull();
    expect(periodLabel(q4)).toBe("quý IV năm 2026");
    expect(currentPeriods(MONDAY)).toEqual(["2026-Q4", "2026-H2", "2026"]);
  });
});
