import { describe, expect, it } from "vitest";

import { endOfDayVn, startOfDayVn } from "@/lib/consultations/periods";
import { readSettings } from "@/lib/settings";

import { type PostingRecord, checkBroadcast, checkPeriod, evaluatePublication, requirementFor } from "./compliance";
import { webPortalPosting } from "./web-posting";

/** Noon in Vietnam on a calendar date. */
const noonVn = (date: string) => new Date(startOfDayVn(date).getTime() + 12 * 3600_000);
const period = (from: string, to: string | null) => ({ startsAt: startOfDayVn(from), endsAt: to ? endOfDayVn(to) : null });

describe("requirementFor", () => {
  it("takes the minimum and the broadcast rule from the category, the commune and the consultation", () => {
    expect(requirementFor("CONSULTATION_INVESTMENT_PROJECT", false)).toMatchObject({ minPostingDays: 30, postingRule: "accessToInformation", requiresBroadcast: false, broadcastDays: 3 });
    expect(requirementFor("DISCLOSURE_INVESTMENT_LAND", false)).toMatchObject({ requiresBroadcast: true, broadcastRule: "broadcastArt13" });
    expect(requirementFor("CONSULTATION_INVESTMENT_PROJECT", true)).toMatchObject({ requiresBroadcast: true, broadcastRule: "broadcastArt13" });
    expect(requirementFor("DECISION_VILLAGE_CONVENTION", false)).toMatchObject({ minPostingDays: 30, postingRule: "villageConvention" });
    const settings = readSettings({ legal: { DISCLOSURE_BUDGET: { minPostingDays: 45, requiresBroadcast: true } } });
    expect(requirementFor("DISCLOSURE_BUDGET", false, settings)).toMatchObject({ minPostingDays: 45, postingRule: "communeSetting", requiresBroadcast: true, broadcastRule: "communeSetting" });
  });
});

describe("checkPeriod", () => {
  it("counts whole Vietnam calendar days, both ends included", () => {
    // 1 to 30 December: 30 days, over.
    expect(checkPeriod(period("2026-12-01", "2026-12-30"), 30, noonVn("2027-01-05"))).toMatchObject({ status: "met", plannedDays: 30, daysSoFar: 30 });
    // 1 to 29 December: one day short, whatever the clock says.
    expect(checkPeriod(period("2026-12-01", "2026-12-29"), 30, noonVn("2027-01-05"))).toMatchObject({ status: "notMet", plannedDays: 29 });
    expect(checkPeriod(period("2026-12-01", "2026-12-29"), 30, noonVn("2026-12-02"))).toMatchObject({ status: "notMet" });
  });

  it("counts across month and year ends", () => {
    expect(checkPeriod(period("2026-11-15", "2026-12-14"), 30, noonVn("2026-12-20"))).toMatchObject({ status: "met", plannedDays: 30 });
    expect(checkPeriod(period("2026-12-20", "2027-01-18"), 30, noonVn("2027-02-01"))).toMatchObject({ status: "met", plannedDays: 30 });
    // February 2028 has 29 days.
    expect(checkPeriod(period("2028-02-01", "2028-03-01"), 30, noonVn("2028-03-05"))).toMatchObject({ plannedDays: 30, status: "met" });
  });

  it("uses Vietnam's date, not the server's: a posting put up at 00:30 on 2 December counts from the 2nd", () => {
    const startsAt = new Date("2026-12-01T17:30:00Z"); // 00:30 on 2 December in Vietnam
    const endsAt = new Date("2026-12-31T16:59:59Z"); // 23:59:59 on 31 December in Vietnam
    expect(checkPeriod({ startsAt, endsAt }, 30, noonVn("2027-01-02"))).toMatchObject({ from: "2026-12-02", to: "2026-12-31", plannedDays: 30, status: "met" });
    // At 23:00 UTC on 30 December it is already the 31st in Vietnam: the 30th day is under way.
    expect(checkPeriod({ startsAt, endsAt }, 30, new Date("2026-12-30T23:00:00Z"))).toMatchObject({ daysSoFar: 30, status: "met" });
    expect(checkPeriod({ startsAt, endsAt }, 30, new Date("2026-12-30T16:00:00Z"))).toMatchObject({ daysSoFar: 29, status: "inProgress" });
  });

  it("tells a posting still running, one without an end and one not yet up", () => {
    expect(checkPeriod(period("2026-12-01", "2026-12-31"), 30, noonVn("2026-12-10"))).toMatchObject({ status: "inProgress", daysSoFar: 10, plannedDays: 31 });
    expect(checkPeriod(period("2026-12-01", null), 30, noonVn("2026-12-10"))).toMatchObject({ status: "inProgress", daysSoFar: 10, plannedDays: null, to: null });
    expect(checkPeriod(period("2026-12-01", null), 30, noonVn("2027-01-10"))).toMatchObject({ status: "met", daysSoFar: 41 });
    expect(checkPeriod(period("2026-12-20", "2027-01-30"), 30, noonVn("2026-12-10"))).toMatchObject({ status: "upcoming", daysSoFar: 0 });
  });
});

describe("checkBroadcast", () => {
  const required = requirementFor("CONSULTATION_INVESTMENT_PROJECT", true);
  const optional = requirementFor("CONSULTATION_INVESTMENT_PROJECT", false);
  const windowEnd = endOfDayVn("2026-12-31");

  it("is met by three consecutive days, across a month end", () => {
    expect(checkBroadcast(["2026-11-30", "2026-12-01", "2026-12-02"], required, windowEnd, noonVn("2026-12-03"))).toMatchObject({ status: "met", run: { days: 3, from: "2026-11-30", to: "2026-12-02" } });
  });

  it("can still be made up while the publication runs, and fails once it is over", () => {
    const scattered = ["2026-12-01", "2026-12-03", "2026-12-05"];
    expect(checkBroadcast(scattered, required, windowEnd, noonVn("2026-12-10"))).toMatchObject({ status: "inProgress", run: { days: 1 } });
    expect(checkBroadcast(scattered, required, windowEnd, noonVn("2027-01-01"))).toMatchObject({ status: "notMet" });
    expect(checkBroadcast([], required, windowEnd, noonVn("2026-12-31"))).toMatchObject({ status: "inProgress" });
  });

  it("is not required for every item, and still reports the days", () => {
    expect(checkBroadcast(["2026-12-01", "2026-12-02", "2026-12-03"], optional, windowEnd, noonVn("2027-01-01"))).toMatchObject({ status: "notRequired", required: false, run: { days: 3 } });
  });
});

describe("evaluatePublication", () => {
  const consultation = {
    id: "c1",
    publishedAt: startOfDayVn("2026-12-01"),
    postingStartsAt: startOfDayVn("2026-12-01"),
    postingEndsAt: endOfDayVn("2026-12-30"),
    commentEndsAt: endOfDayVn("2026-12-30"),
  };
  const web = webPortalPosting(consultation)!;
  const board = (id: string, from: string, to: string | null): PostingRecord => ({ id, channel: "NOTICE_BOARD", ...period(from, to), broadcastDates: [] });
  const loudspeaker = (id: string, dates: string[]): PostingRecord => ({ id, channel: "LOUDSPEAKER", startsAt: startOfDayVn(dates[0]!), endsAt: null, broadcastDates: dates });
  const required = requirementFor("CONSULTATION_INVESTMENT_PROJECT", true);

  it("is met when every posting lasted the minimum and the broadcasts made three consecutive days, even across records", () => {
    const result = evaluatePublication(
      [web, board("b1", "2026-12-01", "2026-12-31"), loudspeaker("l1", ["2026-12-02", "2026-12-03"]), loudspeaker("l2", ["2026-12-04"])],
      required,
      consultation.postingEndsAt,
      noonVn("2027-01-02"),
    );
    expect(result).toMatchObject({ posting: "met", broadcast: { status: "met", run: { days: 3 } }, overall: "met" });
    expect(Object.keys(result.periods)).toEqual(["web:c1", "b1"]);
  });

  it("is not met when one notice board came down early, though the web portal ran its time", () => {
    const result = evaluatePublication([web, board("b1", "2026-12-01", "2026-12-10")], requirementFor("CONSULTATION_INVESTMENT_PROJECT", false), consultation.postingEndsAt, noonVn("2027-01-02"));
    expect(result.periods["web:c1"]!.status).toBe("met");
    expect(result.periods.b1).toMatchObject({ status: "notMet", plannedDays: 10 });
    expect(result).toMatchObject({ posting: "notMet", overall: "notMet" });
  });

  it("is in progress while the postings run and the broadcast can still be made", () => {
    const result = evaluatePublication([web], required, consultation.postingEndsAt, noonVn("2026-12-10"));
    expect(result).toMatchObject({ posting: "inProgress", broadcast: { status: "inProgress" }, overall: "inProgress" });
  });

  it("web portal posting starts at publication when that is later than the planned posting start", () => {
    const late = webPortalPosting({ ...consultation, publishedAt: startOfDayVn("2026-12-05") })!;
    expect(checkPeriod(late, 30, noonVn("2027-01-02"))).toMatchObject({ from: "2026-12-05", plannedDays: 26, status: "notMet" });
    expect(webPortalPosting({ ...consultation, publishedAt: null })).toBeNull();
    // Without a posting period of its own, the comment period is the web posting.
    expect(webPortalPosting({ ...consultation, postingStartsAt: null, postingEndsAt: null })).toMatchObject({ endsAt: consultation.commentEndsAt });
  });
});
