import { describe, expect, it } from "vitest";

import { canShowAverages, MIN_ANSWERS_SHOWN, quarterOf } from "./rules";

describe("rating rules", () => {
  it("shows averages from exactly 5 answers, not 4", () => {
    expect(MIN_ANSWERS_SHOWN).toBe(5);
    expect(canShowAverages(4)).toBe(false);
    expect(canShowAverages(5)).toBe(true);
  });

  it("counts quarters in Vietnam time: 17:00 UTC on 31 March is already the second quarter", () => {
    expect(quarterOf(new Date("2026-03-31T16:59:59Z"))).toBe("2026-Q1");
    expect(quarterOf(new Date("2026-03-31T17:00:00Z"))).toBe("2026-Q2");
    expect(quarterOf(new Date("2026-12-31T16:59:59Z"))).toBe("2026-Q4");
    expect(quarterOf(new Date("2026-12-31T17:00:00Z"))).toBe("2027-Q1");
  });
});
