import { describe, expect, it } from "vitest";

import { clockOf, deadlineOf, enoughSignatures, reviewDue, signaturesNeeded, versionClocks } from "./rules";

const vn = (s: string) => new Date(`${s}+07:00`);

describe("the clocks of a convention (Decree 61/2023), in working days", () => {
  it("gives the dossier 5 working days from the adoption (Art. 11): Monday 2 Nov → end of Monday 9 Nov", () => {
    expect(deadlineOf("dossier", vn("2026-11-02T19:00:00"))).toEqual(vn("2026-11-09T23:59:59.999"));
    expect(clockOf("dossier", vn("2026-11-02T19:00:00"), vn("2026-11-09T23:59:00")).state).toBe("done");
    expect(clockOf("dossier", vn("2026-11-02T19:00:00"), vn("2026-11-10T00:00:01")).state).toBe("late");
  });

  it("counts over weekends and public holidays: a suspension found on Friday 28 Aug 2026 is due Friday 4 Sep (Art. 12–14)", () => {
    // 1 and 2 September are National Day (Labour Code Art. 112).
    expect(deadlineOf("suspension", vn("2026-08-28T10:00:00"))).toEqual(vn("2026-09-04T23:59:59.999"));
    expect(clockOf("suspension", vn("2026-08-28T10:00:00"), null, vn("2026-09-04T23:00:00")).state).toBe("open");
    expect(clockOf("suspension", vn("2026-08-28T10:00:00"), null, vn("2026-09-05T00:00:01")).state).toBe("overdue");
  });

  it("counts a commune's own day off", () => {
    expect(deadlineOf("sending", vn("2026-11-02T10:00:00"), ["2026-11-03"])).toEqual(vn("2026-11-05T23:59:59.999"));
  });

  it("lists the clocks of a version as its steps come", () => {
    const v = { adoptedAt: vn("2026-11-02T10:00:00"), submittedAt: vn("2026-11-05T10:00:00"), decidedAt: null, sentAt: null };
    expect(versionClocks(v, vn("2026-11-20T10:00:00")).map((c) => [c.kind, c.state])).toEqual([
      ["dossier", "done"],
      ["recognition", "overdue"],
    ]);
  });
});

describe("a citizens' proposal needs signatures of 10% of the village's households (Art. 7)", () => {
  it("rounds up: 20 households need 2, 21 need 3", () => {
    expect(signaturesNeeded(20)).toBe(2);
    expect(signaturesNeeded(21)).toBe(3);
    expect(enoughSignatures(2, 21)).toBe(false);
    expect(enoughSignatures(3, 21)).toBe(true);
  });
});

describe("the yearly review (Art. 15), 18 November by default", () => {
  it("is due from its day, and done once recorded", () => {
    const since = vn("2025-03-01T10:00:00");
    expect(reviewDue(since, [], vn("2025-11-17T10:00:00"))).toEqual({ year: 2025, date: "2025-11-18", state: "upcoming" });
    expect(reviewDue(since, [], vn("2025-11-18T08:00:00"))).toEqual({ year: 2025, date: "2025-11-18", state: "due" });
    expect(reviewDue(since, [2025], vn("2025-11-18T08:00:00"))).toEqual({ year: 2026, date: "2026-11-18", state: "upcoming" });
    expect(reviewDue(since, [2025], vn("2026-12-07T08:00:00"))).toEqual({ year: 2026, date: "2026-11-18", state: "due" });
  });

  it("follows the commune's own day", () => {
    expect(reviewDue(vn("2025-03-01T10:00:00"), [], vn("2025-06-02T10:00:00"), "06-01").state).toBe("due");
  });
});
