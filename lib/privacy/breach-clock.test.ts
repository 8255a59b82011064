import { describe, expect, it } from "vitest";

import { BREACH_NOTICE_HOURS, breachClock } from "./breach-clock";

const found = new Date("2026-12-07T02:00:00Z");
const at = (hours: number, ms = 0) => new Date(found.getTime() + hours * 3600_000 + ms);

describe("the 72-hour breach clock (Law 91/2025, Decree 356/2025)", () => {
  it("is 72 hours", () => expect(BREACH_NOTICE_HOURS).toBe(72));

  it("runs until exactly 72 hours after discovery, and is late a moment after", () => {
    expect(breachClock({ discoveredAt: found, authorityNotifiedAt: null }, at(0))).toMatchObject({ state: "RUNNING", hoursLeft: 72 });
    expect(breachClock({ discoveredAt: found, authorityNotifiedAt: null }, at(71, 1))).toMatchObject({ state: "RUNNING", hoursLeft: 0 });
    expect(breachClock({ discoveredAt: found, authorityNotifiedAt: null }, at(72))).toMatchObject({ state: "RUNNING", hoursLeft: 0, deadline: at(72) });
    expect(breachClock({ discoveredAt: found, authorityNotifiedAt: null }, at(72, 1))).toMatchObject({ state: "OVERDUE", hoursLate: 1 });
    expect(breachClock({ discoveredAt: found, authorityNotifiedAt: null }, at(80))).toMatchObject({ state: "OVERDUE", hoursLate: 8 });
  });

  it("stops when the authority is told: in time at exactly 72 hours, late after", () => {
    expect(breachClock({ discoveredAt: found, authorityNotifiedAt: at(72) }, at(500))).toMatchObject({ state: "NOTIFIED" });
    expect(breachClock({ discoveredAt: found, authorityNotifiedAt: at(72, 1) }, at(500))).toMatchObject({ state: "NOTIFIED_LATE" });
  });
});
