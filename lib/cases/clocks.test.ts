import { describe, expect, it } from "vitest";

import { lateness, nextDueAt, type ClockedCase } from "./clocks";

const at = (iso: string) => new Date(iso);
const base: ClockedCase = {
  state: "ACCEPTED",
  replyDueAt: at("2026-12-10T16:59:59.999Z"),
  repliedAt: null,
  resolveDueAt: null,
  expectedResolvedAt: at("2026-12-31T16:59:59.999Z"),
};

describe("the clock a case runs against", () => {
  it("is the answer to the sender until it is given, then the legal deadline, else the commune's date", () => {
    expect(nextDueAt(base)).toEqual(base.replyDueAt);
    const replied = { ...base, repliedAt: at("2026-12-05T02:00:00Z") };
    expect(nextDueAt(replied)).toEqual(base.expectedResolvedAt);
    const complaint = { ...replied, resolveDueAt: at("2027-01-04T16:59:59.999Z") };
    expect(nextDueAt(complaint)).toEqual(complaint.resolveDueAt);
    expect(nextDueAt({ ...replied, expectedResolvedAt: null })).toEqual(base.replyDueAt);
  });

  it("is late from the first moment after the deadline it runs against, not at it", () => {
    expect(lateness(base, base.replyDueAt)).toBeNull();
    expect(lateness(base, new Date(base.replyDueAt.getTime() + 1))).toBe("reply");
    const replied = { ...base, repliedAt: at("2026-12-05T02:00:00Z") };
    expect(lateness(replied, new Date(base.expectedResolvedAt!.getTime() + 1))).toBe("expected");
    expect(lateness({ ...replied, state: "RESOLVED" }, at("2027-06-01T00:00:00Z"))).toBeNull();
  });
});
