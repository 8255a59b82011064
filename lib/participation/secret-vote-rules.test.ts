import { describe, expect, it } from "vitest";

import { composeNotice, type NoticeFacts } from "@/lib/notices/compose";

import { isSuppressed } from "./secret-results";
import { isCertifiable, isSecretByDefault } from "./secret-vote-rules";
import { evaluateThreshold } from "./tally";

describe("fewer than 3 on public figures of a secret question", () => {
  it("hides 1 and 2, shows 0 and 3, and never hides an open question's figures", () => {
    expect([0, 1, 2, 3, 4].map((n) => isSuppressed(true, n))).toEqual([false, true, true, false, false]);
    expect([1, 2].map((n) => isSuppressed(false, n))).toEqual([false, false]);
    expect(isSuppressed(undefined, 2)).toBe(false);
  });

  it("writes 'dưới 3' in the outcome notice for 2 votes, and the figures for 3", () => {
    const question = (participants: number): NoticeFacts["questions"][number] => ({
      text: "Bầu ông Nguyễn Văn A làm Trưởng thôn?",
      votingUnit: "HOUSEHOLD",
      participants,
      eligible: 120,
      agree: participants,
      rule: "MAJORITY_OF_ALL_IN_SCOPE",
      thresholdPercent: 50,
      numerator: participants,
      denominator: 120,
      percent: Math.round((participants / 120) * 1000) / 10,
      passed: false,
      secret: true,
    });
    const facts = (participants: number): NoticeFacts => ({
      communeName: "Thiện Tín",
      consultation: { title: "Bầu Trưởng thôn Tân Phú 1", commentStartsAt: null, commentEndsAt: null, villages: ["Tân Phú 1"] },
      reportLabel: null,
      reportIssuedAt: null,
      opinions: { total: 0, byChannel: {} },
      onlineParticipants: 0,
      questions: [question(participants)],
      answers: { counts: { TAKEN_ON_BOARD: 0, EXPLAINED: 0, OUT_OF_SCOPE: 0 }, takenOnBoard: [], explained: [] },
    });
    const two = composeNotice(facts(2));
    expect(two.body).toContain("dưới 3/120 hộ tham gia; dưới 3/120 hộ đồng ý (–)");
    expect(two.loudspeakerText).toContain("có dưới ba trên tổng số một trăm hai mươi hộ đồng ý");
    const three = composeNotice(facts(3));
    expect(three.body).toContain("3/120 hộ tham gia; 3/120 hộ đồng ý (2,5%)");
  });
});

describe("a village result with voided secret votes", () => {
  // 10 households, more than 50% of all: 6 agreeing pass, 5 do not.
  const passes = (affirmative: number, participants: number) => evaluateThreshold("MAJORITY_OF_ALL_IN_SCOPE", 50, { agree: affirmative, participants, eligible: 10 }).passed;

  it("is certifiable when the voided votes could not turn it, and not when they could", () => {
    expect(isCertifiable(passes, { affirmative: 6, participants: 8, voided: 0 })).toBe(true);
    // 6 passes by one vote: one voided vote may have been one of the 6.
    expect(isCertifiable(passes, { affirmative: 6, participants: 8, voided: 1 })).toBe(false);
    // 7 passes by two: one voided vote cannot turn it, two can.
    expect(isCertifiable(passes, { affirmative: 7, participants: 8, voided: 1 })).toBe(true);
    expect(isCertifiable(passes, { affirmative: 7, participants: 8, voided: 2 })).toBe(false);
    // Failing with the voided ballots still in the box: taking them out cannot add agreement.
    expect(isCertifiable(passes, { affirmative: 5, participants: 8, voided: 3 })).toBe(true);
  });

  it("weighs a denominator of votes cast too, where taking ballots out moves it", () => {
    // More than 50% of 4 votes standing: 3 agreeing in the box, 1 voided — it may have been an agreeing one.
    const ofCast = (affirmative: number, participants: number) => evaluateThreshold("MAJORITY_OF_VOTES_CAST", 50, { agree: affirmative, participants, eligible: 10 }).passed;
    expect(isCertifiable(ofCast, { affirmative: 3, participants: 4, voided: 1 })).toBe(false);
    expect(isCertifiable(ofCast, { affirmative: 4, participants: 4, voided: 1 })).toBe(true);
  });
});

describe("elections", () => {
  it("are secret by default; other matters are open", () => {
    expect(isSecretByDefault("DECISION_VILLAGE_HEAD")).toBe(true);
    expect(isSecretByDefault("DECISION_SUPERVISION_BOARDS")).toBe(true);
    expect(isSecretByDefault("DECISION_VILLAGE_CONVENTION")).toBe(false);
    expect(isSecretByDefault(null)).toBe(false);
  });
});
