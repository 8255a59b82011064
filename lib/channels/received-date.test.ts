// The day an opinion was received: within the comment period (Law 10/2022 Art. 26.1, 28.2), not in
// the future, entered at the latest by the end of the late-entry window — each at its boundary.
import { describe, expect, it } from "vitest";

import { endOfDayVn, startOfDayVn } from "@/lib/consultations/periods";

import { checkReceivedOn } from "./received-date";

// Comment period 1–20 March 2026 (Vietnam time); late-entry window 3 days: to the end of 23 March.
const w = { commentStartsAt: startOfDayVn("2026-03-01"), commentEndsAt: endOfDayVn("2026-03-20") };
const at = (date: string, time = "10:00") => new Date(`${date}T${time}:00+07:00`);

describe("checkReceivedOn", () => {
  it("takes the first and the last day of the period; refuses the day before and the day after", () => {
    expect(checkReceivedOn(w, 3, at("2026-03-21"), "2026-03-01")).toBeNull();
    expect(checkReceivedOn(w, 3, at("2026-03-21"), "2026-03-20")).toBeNull();
    expect(checkReceivedOn(w, 3, at("2026-03-21"), "2026-02-28")).toEqual({ code: "receivedOutsidePeriod", params: { from: "01/03/2026", to: "20/03/2026" } });
    expect(checkReceivedOn(w, 3, at("2026-03-21"), "2026-03-21")).toMatchObject({ code: "receivedOutsidePeriod" });
  });

  it("takes today and refuses tomorrow", () => {
    expect(checkReceivedOn(w, 3, at("2026-03-10", "00:00"), "2026-03-10")).toBeNull();
    expect(checkReceivedOn(w, 3, at("2026-03-10", "23:59"), "2026-03-11")).toEqual({ code: "receivedInFuture", params: { today: "10/03/2026" } });
  });

  it("after the close, takes entries to the end of the last day of the window, not after", () => {
    expect(checkReceivedOn(w, 3, new Date(endOfDayVn("2026-03-23").getTime()), "2026-03-20")).toBeNull();
    expect(checkReceivedOn(w, 3, new Date(endOfDayVn("2026-03-23").getTime() + 1), "2026-03-20")).toEqual({ code: "channelEntryClosed", params: { days: 3, until: "23/03/2026" } });
    expect(checkReceivedOn(w, 0, at("2026-03-21", "00:00"), "2026-03-20")).toMatchObject({ code: "channelEntryClosed" });
  });

  it("refuses entry on a consultation without a comment period", () => {
    expect(checkReceivedOn({ commentStartsAt: null, commentEndsAt: null }, 3, at("2026-03-10"), "2026-03-10")).toEqual({ code: "commentPeriodUnset" });
  });
});
