import { describe, expect, it } from "vitest";

import { checkLateEntry, lateEntryUntil } from "./late-entry";

// Voting from 1 to 10 December 2026, Vietnam time (UTC+7).
const w = { commentStartsAt: new Date("2026-11-30T17:00:00Z"), commentEndsAt: new Date("2026-12-10T16:59:59.999Z") };

describe("late entry of paper ballots and meeting records", () => {
  it("runs to the end of the Nth day after the last day of voting", () => {
    expect(lateEntryUntil(w.commentEndsAt, 3).toISOString()).toBe("2026-12-13T16:59:59.999Z");
    expect(checkLateEntry(w, 3, new Date("2026-12-13T16:59:59.999Z"), null)).toBeNull();
    expect(checkLateEntry(w, 3, new Date("2026-12-13T17:00:00Z"), null)).toEqual({ code: "lateEntryClosed", params: { days: 3, until: "13/12/2026" } });
    expect(checkLateEntry(w, 0, new Date("2026-12-10T17:00:00Z"), null)).toMatchObject({ code: "lateEntryClosed" });
  });

  it("takes a late paper ballot only with its date, inside the voting period", () => {
    const late = new Date("2026-12-11T03:00:00Z");
    expect(checkLateEntry(w, 3, late, { datedOn: null })).toEqual({ code: "ballotDateRequired" });
    expect(checkLateEntry(w, 3, late, { datedOn: "2026-12-10" })).toBeNull();
    expect(checkLateEntry(w, 3, late, { datedOn: "2026-12-01" })).toBeNull();
    expect(checkLateEntry(w, 3, late, { datedOn: "2026-12-11" })).toEqual({ code: "ballotDateOutside", params: { from: "01/12/2026", to: "10/12/2026" } });
    expect(checkLateEntry(w, 3, late, { datedOn: "2026-11-30" })).toMatchObject({ code: "ballotDateOutside" });
  });

  it("takes everything while voting is open, but not a ballot dated in the future", () => {
    const open = new Date("2026-12-05T03:00:00Z");
    expect(checkLateEntry(w, 3, open, { datedOn: undefined })).toBeNull();
    expect(checkLateEntry(w, 3, open, { datedOn: "2026-12-05" })).toBeNull();
    expect(checkLateEntry(w, 3, open, { datedOn: "2026-12-07" })).toMatchObject({ code: "ballotDateOutside" });
  });
});
