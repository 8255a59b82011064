import { describe, expect, it } from "vitest";

import { checkEditedPeriods, type PeriodFields } from "./edit-rules";

const published: PeriodFields = {
  legalCategory: "CONSULTATION_INVESTMENT_PROJECT",
  commentStartsAt: "2026-12-01",
  commentEndsAt: "2026-12-30",
  // Published on 5 December: the web posting runs 26 days, short of 30, as published.
  postingStartsAt: "2026-12-05",
  postingEndsAt: "2026-12-30",
};
const now = new Date("2026-12-10T03:00:00Z");

describe("checkEditedPeriods", () => {
  it("judges a draft like a new consultation", () => {
    expect(checkEditedPeriods({ ...published, commentEndsAt: "2026-12-20" }, null, undefined, now)[0]).toMatchObject({ code: "periodTooShort", params: { min: 30 } });
    expect(checkEditedPeriods(published, null, undefined, now).map((p) => p.code)).toEqual(["postingTooShort"]);
  });

  it("after publication, does not judge again a period the edit did not touch", () => {
    expect(checkEditedPeriods(published, published, undefined, now)).toEqual([]);
  });

  it("after publication, still refuses a comment period shortened below the law's minimum", () => {
    const [p] = checkEditedPeriods({ ...published, commentEndsAt: "2026-12-25" }, published, undefined, now);
    expect(p).toMatchObject({ field: "commentEndsAt", code: "periodTooShort", params: { days: 25, min: 30, rule: "grassrootsDemocracyDefault" } });
  });

  it("judges every period again when the category changes", () => {
    const problems = checkEditedPeriods({ ...published, legalCategory: "CONSULTATION_LAND_USE_PLAN" }, published, undefined, now);
    expect(problems.map((p) => [p.code, p.params.rule])).toEqual([
      ["periodTooShort", "landLaw"],
      ["postingTooShort", "landLaw"],
    ]);
  });

  it("refuses moving the end of the comment period before today, but allows extending it", () => {
    expect(checkEditedPeriods({ ...published, commentStartsAt: "2026-11-01", commentEndsAt: "2026-12-09" }, published, undefined, now)[0]).toMatchObject({
      field: "commentEndsAt",
      code: "commentEndInPast",
    });
    expect(checkEditedPeriods({ ...published, commentEndsAt: "2027-01-15" }, published, undefined, now)).toEqual([]);
    // Today still counts: the period ends at 23:59 Vietnam time.
    expect(checkEditedPeriods({ ...published, commentStartsAt: "2026-11-01", commentEndsAt: "2026-12-10" }, published, undefined, now)).toEqual([]);
  });
});
