// Art. 16.3 at its boundaries: exactly 10% of the village's households, one signature short, and a
// signature one day past its 3 months.
import { describe, expect, it } from "vitest";

import { initiativeCount, initiativeNeeded, signatureLastValidDay, signatureValid } from "./rules";

describe("10% of the village's households (Law 10/2022 Art. 16.3)", () => {
  it("rounds up against all households on the list", () => {
    expect(initiativeNeeded(20)).toBe(2);
    expect(initiativeNeeded(21)).toBe(3);
    expect(initiativeNeeded(0)).toBe(1);
  });
  it("exactly 10% reaches it; one signature short does not", () => {
    const today = "2026-12-07";
    expect(initiativeCount(["2026-12-01", "2026-12-02"], 20, today)).toMatchObject({ valid: 2, needed: 2, reached: true });
    expect(initiativeCount(["2026-12-01"], 20, today)).toMatchObject({ valid: 1, needed: 2, reached: false });
    expect(initiativeCount(["2026-12-01", "2026-12-02"], 21, today)).toMatchObject({ needed: 3, reached: false });
  });
});

describe("a signature counts for 3 months", () => {
  it("through the same day three months on, not the day after", () => {
    expect(signatureValid("2026-03-15", "2026-06-15")).toBe(true);
    expect(signatureValid("2026-03-15", "2026-06-16")).toBe(false);
  });
  it("ends on the last day of a shorter month, across a year", () => {
    expect(signatureLastValidDay("2026-11-30")).toBe("2027-02-28");
    expect(signatureLastValidDay("2027-11-30")).toBe("2028-02-29");
    expect(signatureValid("2026-11-30", "2027-03-01")).toBe(false);
  });
  it("a lapsed signature no longer counts toward the threshold", () => {
    expect(initiativeCount(["2026-09-06", "2026-09-07"], 20, "2026-12-07")).toMatchObject({ valid: 1, reached: false });
    expect(initiativeCount(["2026-09-07", "2026-09-07"], 20, "2026-12-07")).toMatchObject({ valid: 2, reached: true });
  });
});
