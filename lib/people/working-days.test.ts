import { describe, expect, it } from "vitest";

import { addWorkingDays } from "./working-days";

const vn = (iso: string) => new Date(`${iso}+07:00`);

describe("addWorkingDays", () => {
  it("counts Monday to Friday only", () => {
    // Thursday 26 Nov 2026, 10:00 → Friday, Monday → due end of Monday 30 Nov.
    expect(addWorkingDays(vn("2026-11-26T10:00:00"), 2).toISOString()).toBe("2026-11-30T16:59:59.999Z");
    // Friday evening → Monday, Tuesday.
    expect(addWorkingDays(vn("2026-11-27T22:30:00"), 2).toISOString()).toBe("2026-12-01T16:59:59.999Z");
  });

  it("skips fixed public holidays and the commune's own (Tết)", () => {
    // Tuesday 29 Dec 2026 → Wednesday 30, Thursday 31 (1 Jan is a holiday).
    expect(addWorkingDays(vn("2026-12-29T09:00:00"), 2).toISOString()).toBe("2026-12-31T16:59:59.999Z");
    // Thursday 31 Dec → Friday 1 Jan is a holiday → Monday 4, Tuesday 5 Jan.
    expect(addWorkingDays(vn("2026-12-31T09:00:00"), 2).toISOString()).toBe("2027-01-05T16:59:59.999Z");
    expect(addWorkingDays(vn("2027-02-04T09:00:00"), 2, ["2027-02-05", "2027-02-08"]).toISOString()).toBe("2027-02-10T16:59:59.999Z");
  });

  it("uses Vietnam's date, not the server's", () => {
    // 23:30 UTC on Friday is already Saturday in Vietnam.
    expect(addWorkingDays(new Date("2026-11-27T23:30:00Z"), 1).toISOString()).toBe("2026-11-30T16:59:59.999Z");
  });
});
