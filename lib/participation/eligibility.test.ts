import { describe, expect, it } from "vitest";

import { type BallotWindow, checkChoices, checkVoter, checkVoteWindow, isAdult, isBallotClosed, isBallotOpen, type Voter, voterKeyOf } from "./eligibility";

const NOW = new Date("2026-12-03T02:14:00Z"); // 09:14 in Vietnam
const day = (n: number) => new Date(NOW.getTime() + n * 24 * 3600 * 1000);

const window: BallotWindow = {
  status: "PUBLISHED",
  commentStartsAt: day(-10),
  commentEndsAt: day(5),
  allowedChannels: ["WEB", "PAPER", "MEETING", "ASSISTED"],
  isCommuneWide: false,
  villageIds: ["tan-phu-1"],
};

const voter = (overrides: Partial<Voter> = {}): Voter => ({
  residentId: "r1",
  householdId: "h1",
  villageId: "tan-phu-1",
  birthYear: 1970,
  isActive: true,
  householdActive: true,
  representativeId: "r1",
  ...overrides,
});

describe("the household's vote", () => {
  it("is cast by the marked representative, and by no other member", () => {
    expect(checkVoter(window, "HOUSEHOLD", voter(), NOW)).toBeNull();
    expect(checkVoter(window, "HOUSEHOLD", voter({ residentId: "r2" }), NOW)).toEqual({ code: "notRepresentative" });
  });

  it("may be cast by any verified adult where no representative is marked (the first to vote casts it)", () => {
    expect(checkVoter(window, "HOUSEHOLD", voter({ residentId: "r2", representativeId: null }), NOW)).toBeNull();
    expect(checkVoter(window, "HOUSEHOLD", voter({ residentId: "r3", representativeId: null, birthYear: 2012 }), NOW)).toMatchObject({ code: "notAdult" });
  });

  it("counts someone turning 18 this year as an adult, and an unknown birth year as not proven", () => {
    expect(isAdult(2008, NOW)).toBe(true);
    expect(isAdult(2009, NOW)).toBe(false);
    expect(isAdult(null, NOW)).toBe(false);
  });

  it("keys one vote per household, or per person for a resident question", () => {
    expect(voterKeyOf("HOUSEHOLD", { householdId: "h1", residentId: "r2" })).toBe("H:h1");
    expect(voterKeyOf("RESIDENT", { householdId: "h1", residentId: "r2" })).toBe("R:r2");
  });

  it("lets any adult vote on a resident question, representative or not", () => {
    expect(checkVoter(window, "RESIDENT", voter({ residentId: "r2" }), NOW)).toBeNull();
  });
});

describe("scope", () => {
  it("refuses villages the consultation does not cover, and people or households off the register", () => {
    expect(checkVoter(window, "HOUSEHOLD", voter({ villageId: "long-binh" }), NOW)).toEqual({ code: "outsideScope" });
    expect(checkVoter({ ...window, isCommuneWide: true }, "HOUSEHOLD", voter({ villageId: "long-binh" }), NOW)).toBeNull();
    expect(checkVoter(window, "HOUSEHOLD", voter({ isActive: false }), NOW)).toEqual({ code: "notOnRegister" });
    expect(checkVoter(window, "HOUSEHOLD", voter({ householdActive: false }), NOW)).toEqual({ code: "notOnRegister" });
  });
});

describe("the voting period", () => {
  it("is open inside the comment period of a published consultation, to the last millisecond", () => {
    expect(isBallotOpen(window, NOW)).toBe(true);
    expect(isBallotOpen(window, window.commentEndsAt!)).toBe(true);
    expect(isBallotOpen(window, new Date(window.commentEndsAt!.getTime() + 1))).toBe(false);
    expect(isBallotOpen({ ...window, status: "CLOSED" }, NOW)).toBe(false);
  });

  it("refuses web votes before the start and after the end, naming which", () => {
    expect(checkVoteWindow(window, "WEB", day(-11))).toEqual({ code: "votingNotStarted" });
    expect(checkVoteWindow(window, "WEB", day(6))).toEqual({ code: "votingClosed" });
    expect(checkVoteWindow({ ...window, status: "DRAFT" }, "WEB", NOW)).toEqual({ code: "votingNotStarted" });
  });

  it("takes paper ballots and meeting records after the end, until the summary, but not web or assisted votes", () => {
    const closed = { ...window, status: "CLOSED" as const };
    expect(checkVoteWindow(closed, "PAPER", day(6))).toBeNull();
    expect(checkVoteWindow(closed, "MEETING", day(6))).toBeNull();
    expect(checkVoteWindow(closed, "ASSISTED", day(6))).toEqual({ code: "votingClosed" });
    expect(checkVoteWindow({ ...window, status: "SUMMARISED" }, "PAPER", day(6))).toEqual({ code: "votingClosed" });
  });

  it("refuses a channel the consultation does not allow", () => {
    expect(checkVoteWindow({ ...window, allowedChannels: ["MEETING", "PAPER"] }, "WEB", NOW)).toEqual({ code: "voteChannelNotAllowed", params: { channel: "WEB" } });
  });

  it("calls a ballot closed once the period is over, even before the scheduler marks it", () => {
    expect(isBallotClosed(window, NOW)).toBe(false);
    expect(isBallotClosed(window, day(6))).toBe(true);
    expect(isBallotClosed({ ...window, status: "CLOSED" }, NOW)).toBe(true);
    expect(isBallotClosed({ ...window, status: "DRAFT" }, day(60))).toBe(false);
  });
});

describe("choices", () => {
  const yesNo = { kind: "YES_NO_ABSTAIN" as const, maxChoices: 1, optionIds: ["yes", "no", "other"] };
  it("take exactly one option on a yes/no or single-choice question", () => {
    expect(checkChoices(yesNo, ["yes"])).toBeNull();
    expect(checkChoices(yesNo, ["yes", "yes"])).toBeNull();
    expect(checkChoices(yesNo, ["yes", "no"])).toEqual({ code: "tooManyChoices", params: { max: 1 } });
    expect(checkChoices(yesNo, [])).toEqual({ code: "noChoice" });
    expect(checkChoices(yesNo, ["elsewhere"])).toEqual({ code: "unknownOption" });
  });
  it("take up to maxChoices on a multiple-choice question", () => {
    const multi = { kind: "MULTIPLE_CHOICE" as const, maxChoices: 2, optionIds: ["a", "b", "c"] };
    expect(checkChoices(multi, ["a", "b"])).toBeNull();
    expect(checkChoices(multi, ["a", "b", "c"])).toEqual({ code: "tooManyChoices", params: { max: 2 } });
  });
});
