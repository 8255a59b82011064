import { describe, expect, it } from "vitest";

import { readSettings } from "@/lib/settings";

import { checkPeriods, daysLeft, defaultCommentPeriod, endOfDayVn, inclusiveDays, startOfDayVn, toVnDate } from "./periods";

describe("counting days", () => {
  it("counts both ends: 1 to 30 December is 30 days", () => {
    expect(inclusiveDays("2026-12-01", "2026-12-30")).toBe(30);
    expect(inclusiveDays("2026-12-01", "2026-12-01")).toBe(1);
    expect(inclusiveDays("2026-12-02", "2026-12-01")).toBe(0);
  });

  it("starts and ends periods on Vietnam's calendar (UTC+7)", () => {
    expect(startOfDayVn("2026-12-01").toISOString()).toBe("2026-11-30T17:00:00.000Z");
    expect(endOfDayVn("2026-12-01").toISOString()).toBe("2026-12-01T16:59:59.999Z");
    expect(toVnDate(new Date("2026-11-30T17:30:00Z"))).toBe("2026-12-01");
  });

  it("says how many days are left, and null once the period is over", () => {
    const end = endOfDayVn("2026-12-10");
    expect(daysLeft(end, new Date("2026-12-01T03:00:00Z"))).toBe(9);
    expect(daysLeft(end, new Date("2026-12-10T10:00:00Z"))).toBe(0);
    expect(daysLeft(end, new Date("2026-12-10T17:00:01Z"))).toBeNull();
  });

  it("proposes a default period of the requested length", () => {
    const p = defaultCommentPeriod(30, new Date("2026-11-27T05:00:00Z"));
    expect(p).toEqual({ commentStartsAt: "2026-11-27", commentEndsAt: "2026-12-26" });
    expect(inclusiveDays(p.commentStartsAt, p.commentEndsAt)).toBe(30);
  });
});

describe("checkPeriods", () => {
  const base = { commentStartsAt: "2026-12-01" };

  it("refuses a consultation period under 30 days by default and names the rule", () => {
    const [p] = checkPeriods({ ...base, category: "CONSULTATION_INVESTMENT_PROJECT", commentEndsAt: "2026-12-29" });
    expect(p).toEqual({ field: "commentEndsAt", code: "periodTooShort", params: { days: 29, min: 30, rule: "grassrootsDemocracyDefault" } });
    expect(checkPeriods({ ...base, category: "CONSULTATION_INVESTMENT_PROJECT", commentEndsAt: "2026-12-30" })).toEqual([]);
  });

  it("requires 45 days for a land-use plan (Land Law 2024, Art. 70)", () => {
    expect(checkPeriods({ ...base, category: "CONSULTATION_LAND_USE_PLAN", commentEndsAt: "2027-01-13" })[0]?.params).toMatchObject({ days: 44, min: 45, rule: "landLaw" });
    expect(checkPeriods({ ...base, category: "CONSULTATION_LAND_USE_PLAN", commentEndsAt: "2027-01-14" })).toEqual([]);
  });

  it("keeps planning consultations between 20 and 30 days (Planning Law 2024, Art. 37)", () => {
    expect(checkPeriods({ ...base, category: "CONSULTATION_PLANNING", commentEndsAt: "2026-12-19" })[0]?.code).toBe("periodTooShort");
    expect(checkPeriods({ ...base, category: "CONSULTATION_PLANNING", commentEndsAt: "2026-12-20" })).toEqual([]);
    expect(checkPeriods({ ...base, category: "CONSULTATION_PLANNING", commentEndsAt: "2026-12-31" })[0]).toMatchObject({ code: "periodTooLong", params: { days: 31, max: 30 } });
  });

  it("applies a commune's own setting and says so", () => {
    const settings = readSettings({ legal: { CONSULTATION_OTHER: { minCommentDays: 40 } } });
    const [p] = checkPeriods({ ...base, category: "CONSULTATION_OTHER", commentEndsAt: "2027-01-05" }, settings);
    expect(p).toMatchObject({ code: "periodTooShort", params: { days: 36, min: 40, rule: "communeSetting" } });
  });

  it("checks the posting period and an end before the start", () => {
    const problems = checkPeriods({
      ...base,
      category: "DECISION_VILLAGE_CONVENTION",
      commentEndsAt: "2026-11-20",
      postingStartsAt: "2026-12-01",
      postingEndsAt: "2026-12-10",
    });
    expect(problems.map((p) => p.code)).toEqual(["periodEndsBeforeStart", "postingTooShort", "conventionVoteTooEarly"]);
  });

  it("opens a convention's vote only after 30 days of posting its draft (Decree 61/2023 Art. 9–10)", () => {
    const convention = { category: "DECISION_VILLAGE_CONVENTION" as const, postingStartsAt: "2026-11-01", postingEndsAt: "2026-12-31" };
    // Posted 1–30 November: the vote may open on 1 December, not on 30 November.
    expect(checkPeriods({ ...convention, commentStartsAt: "2026-12-01", commentEndsAt: "2026-12-30" })).toEqual([]);
    expect(checkPeriods({ ...convention, commentStartsAt: "2026-11-30", commentEndsAt: "2026-12-29" })).toEqual([
      { field: "commentStartsAt", code: "conventionVoteTooEarly", params: { days: 29, min: 30, rule: "villageConvention" } },
    ]);
    // Without posting dates the posting starts with the vote: refused.
    expect(checkPeriods({ category: "DECISION_VILLAGE_CONVENTION", commentStartsAt: "2026-12-01", commentEndsAt: "2026-12-30" })[0]).toMatchObject({ code: "conventionVoteTooEarly", params: { days: 0 } });
    // A commune's longer posting is honoured.
    const longer = readSettings({ legal: { DECISION_VILLAGE_CONVENTION: { minPostingDays: 35 } } });
    expect(checkPeriods({ ...convention, commentStartsAt: "2026-12-01", commentEndsAt: "2026-12-30" }, longer)[0]).toMatchObject({ code: "conventionVoteTooEarly", params: { min: 35 } });
  });

  it("refuses a commune setting that would shorten a period: the law's figure applies", () => {
    const shorter = readSettings({ legal: { CONSULTATION_LAND_USE_PLAN: { minCommentDays: 10 }, DECISION_VILLAGE_CONVENTION: { minPostingDays: 5 } } });
    expect(checkPeriods({ ...base, category: "CONSULTATION_LAND_USE_PLAN", commentEndsAt: "2027-01-10" }, shorter)[0]).toMatchObject({ code: "periodTooShort", params: { min: 45, rule: "landLaw" } });
    expect(checkPeriods({ category: "DECISION_VILLAGE_CONVENTION", commentStartsAt: "2026-12-10", commentEndsAt: "2027-01-10", postingStartsAt: "2026-12-01", postingEndsAt: "2027-01-10" }, shorter)[0]).toMatchObject({ code: "conventionVoteTooEarly", params: { min: 30, rule: "villageConvention" } });
  });
});

describe("scheduling on Vietnam's clock", () => {
  it("reads a datetime-local value as Vietnam time and back", async () => {
    const { fromVnDateTime, toVnDateTime, proposedPublishAt } = await import("./periods");
    expect(fromVnDateTime("2026-12-01T07:00").toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(toVnDateTime(new Date("2026-11-30T18:30:00Z"))).toBe("2026-12-01T01:30");
    expect(proposedPublishAt(new Date("2026-11-30T18:30:00Z"))).toBe("2026-12-02T07:00");
  });
});
