import { describe, expect, it } from "vitest";

import { daysAhead, isAnnouncedInTime, isCommitmentOverdue, isThresholdReached, lastAnnounceDate, publishClock, signaturesNeeded } from "./rules";

// Instants in Vietnam time (UTC+7).
const vn = (s: string) => new Date(`${s}+07:00`);

describe("announcing a conference (Law 72/2025 Art. 43: at least 7 days before)", () => {
  const startsAt = vn("2026-12-15T08:00:00");
  it("accepts exactly 7 days ahead, even late in the evening", () => {
    expect(daysAhead(startsAt, vn("2026-12-08T23:30:00"))).toBe(7);
    expect(isAnnouncedInTime(startsAt, vn("2026-12-08T23:30:00"))).toBe(true);
    expect(lastAnnounceDate(startsAt)).toBe("2026-12-08");
  });
  it("refuses one day short, even early in the morning", () => {
    expect(isAnnouncedInTime(startsAt, vn("2026-12-09T00:05:00"))).toBe(false);
  });
});

describe("publishing the results (within 10 days)", () => {
  const startsAt = vn("2026-12-15T08:00:00");
  it("is open through the 10th day and overdue the day after", () => {
    expect(publishClock({ startsAt, resultsPublishedAt: null }, vn("2026-12-14T08:00:00"))).toEqual({ state: "upcoming" });
    expect(publishClock({ startsAt, resultsPublishedAt: null }, vn("2026-12-25T23:59:00"))).toMatchObject({ state: "open", daysLeft: 0 });
    expect(publishClock({ startsAt, resultsPublishedAt: null }, vn("2026-12-26T00:01:00"))).toMatchObject({ state: "overdue", daysLate: 1 });
  });
  it("says whether published results came on time", () => {
    expect(publishClock({ startsAt, resultsPublishedAt: vn("2026-12-25T17:00:00") })).toMatchObject({ state: "published", onTime: true });
    expect(publishClock({ startsAt, resultsPublishedAt: vn("2026-12-26T08:00:00") })).toMatchObject({ state: "published", onTime: false });
  });
});

describe("the residents' request (10% of voters)", () => {
  it("rounds the tenth up", () => {
    expect(signaturesNeeded(20)).toBe(2);
    expect(signaturesNeeded(21)).toBe(3);
    expect(signaturesNeeded(0)).toBe(1);
    expect(isThresholdReached(1, 20)).toBe(false);
    expect(isThresholdReached(2, 20)).toBe(true);
  });
});

describe("commitments", () => {
  it("are overdue the day after their deadline, while in progress", () => {
    const deadline = vn("2027-01-10T00:00:00");
    expect(isCommitmentOverdue({ status: "IN_PROGRESS", deadline }, vn("2027-01-10T22:00:00"))).toBe(false);
    expect(isCommitmentOverdue({ status: "IN_PROGRESS", deadline }, vn("2027-01-11T07:00:00"))).toBe(true);
    expect(isCommitmentOverdue({ status: "DONE", deadline }, vn("2027-01-11T07:00:00"))).toBe(false);
  });
});
