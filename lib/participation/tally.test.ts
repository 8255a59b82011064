import { describe, expect, it } from "vitest";

import { countingLawFor } from "./counting-rules";
import { classify, evaluateThreshold, meetingHasQuorum, type MeetingInput, type QuestionInfo, selectVillageSource, tallyQuestion, type VillageInput } from "./tally";

const question: QuestionInfo = {
  id: "q",
  text: "Thông qua hương ước?",
  kind: "YES_NO_ABSTAIN",
  votingUnit: "HOUSEHOLD",
  thresholdRule: "MAJORITY_OF_ALL_IN_SCOPE",
  thresholdPercent: 50,
  quorumPercent: 50,
  options: [
    { id: "yes", position: 0, label: "Đồng ý", isAffirmative: true },
    { id: "no", position: 1, label: "Không đồng ý", isAffirmative: false },
    { id: "other", position: 2, label: "Ý kiến khác", isAffirmative: false },
  ],
};

const meeting = (overrides: Partial<MeetingInput> = {}): MeetingInput => ({
  id: "m1",
  heldAt: new Date("2026-12-01T08:00:00Z"),
  form: "SHOW_OF_HANDS",
  householdsPresent: 60,
  householdsTotal: 100,
  tallies: { yes: 50, no: 8, other: 2 },
  ...overrides,
});

const village = (overrides: Partial<VillageInput> = {}): VillageInput => ({
  villageId: "v1",
  name: "Tân Phú 1",
  eligible: 100,
  individual: {},
  meetings: [],
  decision: null,
  ...overrides,
});

describe("thresholds against all households in scope", () => {
  it("pass with more than 50% of ALL households, not of those who voted", () => {
    expect(evaluateThreshold("MAJORITY_OF_ALL_IN_SCOPE", 50, { agree: 51, participants: 60, eligible: 100 })).toMatchObject({ numerator: 51, denominator: 100, percent: 51, passed: true });
    // 40 of 45 voters agree: a landslide among voters, but 40% of the village.
    expect(evaluateThreshold("MAJORITY_OF_ALL_IN_SCOPE", 50, { agree: 40, participants: 45, eligible: 100 })).toMatchObject({ numerator: 40, denominator: 100, passed: false });
  });

  it("fail at exactly 50%", () => {
    expect(evaluateThreshold("MAJORITY_OF_ALL_IN_SCOPE", 50, { agree: 50, participants: 100, eligible: 100 }).passed).toBe(false);
    expect(evaluateThreshold("MAJORITY_OF_ALL_IN_SCOPE", 50, { agree: 150, participants: 300, eligible: 300 }).passed).toBe(false);
    expect(evaluateThreshold("MAJORITY_OF_ALL_IN_SCOPE", 50, { agree: 151, participants: 300, eligible: 300 }).passed).toBe(true);
  });

  it("count abstentions and other opinions against, under either rule", () => {
    const f = classify(question, 100, { yes: 50, no: 10, other: 40 });
    expect(f).toMatchObject({ agree: 50, disagree: 10, other: 40 });
    expect(evaluateThreshold("MAJORITY_OF_VOTES_CAST", 50, { ...f, eligible: 300 })).toMatchObject({ numerator: 50, denominator: 100, passed: false });
  });

  it("use the commune's own percentage when set, and never pass with nobody in scope", () => {
    expect(evaluateThreshold("MAJORITY_OF_ALL_IN_SCOPE", 66.67, { agree: 66, participants: 90, eligible: 99 }).passed).toBe(false);
    expect(evaluateThreshold("MAJORITY_OF_ALL_IN_SCOPE", 66.67, { agree: 67, participants: 90, eligible: 99 }).passed).toBe(true);
    expect(evaluateThreshold("MAJORITY_OF_ALL_IN_SCOPE", 50, { agree: 0, participants: 0, eligible: 0 })).toMatchObject({ passed: false, percent: null });
  });

  it("report without passing or failing a consultation ballot (rule NONE)", () => {
    expect(evaluateThreshold("NONE", 50, { agree: 90, participants: 100, eligible: 100 }).passed).toBeNull();
  });
});

describe("meeting quorum", () => {
  it("needs more than the quorum share of households present; exactly half is not enough", () => {
    expect(meetingHasQuorum(51, 100, 50)).toBe(true);
    expect(meetingHasQuorum(50, 100, 50)).toBe(false);
    expect(meetingHasQuorum(0, 0, 50)).toBe(false);
    expect(meetingHasQuorum(10, 100, null)).toBe(true);
  });
});

describe("where a village's figures come from", () => {
  const web = { WEB: { voters: 38, options: { yes: 30, no: 8 } }, PAPER: { voters: 12, options: { yes: 12 } } };

  it("is the individual votes when there is no meeting, and the meeting when there are no votes", () => {
    expect(selectVillageSource(village({ individual: web }), 50)).toMatchObject({ source: "INDIVIDUAL" });
    expect(selectVillageSource(village({ meetings: [meeting()] }), 50)).toMatchObject({ source: "MEETING", meeting: { id: "m1" } });
    expect(selectVillageSource(village(), 50)).toMatchObject({ source: "NONE" });
  });

  it("follows staff's recorded choice when both exist, never adding them together", () => {
    const both = { individual: web, meetings: [meeting()] };
    expect(selectVillageSource(village({ ...both, decision: { source: "MEETING", meetingId: "m1" } }), 50)).toMatchObject({ source: "MEETING" });
    expect(selectVillageSource(village({ ...both, decision: { source: "INDIVIDUAL", meetingId: null } }), 50)).toMatchObject({ source: "INDIVIDUAL" });
    const counted = tallyQuestion(question, [village({ ...both, decision: { source: "MEETING", meetingId: "m1" } })]);
    expect(counted.participants).toBe(60);
    expect(counted.agree).toBe(50);
    expect(counted.villages[0]!.setAside).toEqual({ WEB: 38, PAPER: 12, ASSISTED: 0, meetings: 0 });
  });

  it("does not count a chosen meeting that lacked the quorum", () => {
    const thin = meeting({ householdsPresent: 50 });
    expect(selectVillageSource(village({ meetings: [thin], decision: { source: "MEETING", meetingId: "m1" } }), 50)).toMatchObject({ source: "NONE", quorumMissing: true });
    expect(selectVillageSource(village({ individual: web, meetings: [thin], decision: { source: "MEETING", meetingId: "m1" } }), 50)).toMatchObject({ source: "INDIVIDUAL", quorumMissing: true });
    expect(selectVillageSource(village({ meetings: [thin] }), null)).toMatchObject({ source: "MEETING" });
  });

  it("takes the chosen meeting when a village met twice", () => {
    const first = meeting({ id: "m1", heldAt: new Date("2026-11-20T08:00:00Z") });
    const second = meeting({ id: "m2", householdsPresent: 70, tallies: { yes: 65, no: 5 } });
    const r = tallyQuestion(question, [village({ meetings: [first, second], decision: { source: "MEETING", meetingId: "m2" } })]);
    expect(r.villages[0]).toMatchObject({ participants: 70, agree: 65, setAside: { meetings: 1 } });
  });
});

describe("a question's tally", () => {
  it("adds villages under their own sources, per channel, against every household in scope (Decree 321 columns)", () => {
    const r = tallyQuestion(question, [
      village({ villageId: "a", name: "Tân Phú 1", eligible: 100, meetings: [meeting()], decision: { source: "MEETING", meetingId: "m1" }, individual: { WEB: { voters: 5, options: { yes: 5 } } } }),
      village({ villageId: "b", name: "Tân Phú 2", eligible: 80, individual: { WEB: { voters: 30, options: { yes: 20, no: 6, other: 4 } }, PAPER: { voters: 10, options: { yes: 4, no: 6 } }, ASSISTED: { voters: 2, options: { yes: 2 } } } }),
      village({ villageId: "c", name: "Long Bình", eligible: 20 }),
    ]);
    expect(r).toMatchObject({ eligible: 200, participants: 102, agree: 76, disagree: 20, other: 6 });
    expect(r.byChannel).toEqual({
      MEETING: { voters: 60, options: { yes: 50, no: 8, other: 2 } },
      WEB: { voters: 30, options: { yes: 20, no: 6, other: 4 } },
      PAPER: { voters: 10, options: { yes: 4, no: 6 } },
      ASSISTED: { voters: 2, options: { yes: 2 } },
    });
    expect(r.villages.map((v) => [v.name, v.source, v.participants])).toEqual([["Tân Phú 1", "MEETING", 60], ["Tân Phú 2", "INDIVIDUAL", 42], ["Long Bình", "NONE", 0]]);
    // Without a counting law (a consultation ballot with a threshold) the pooled share decides.
    expect(r.outcome).toEqual({ rule: "MAJORITY_OF_ALL_IN_SCOPE", thresholdPercent: 50, numerator: 76, denominator: 200, percent: 38, passed: false });
    expect(r.commune).toBeNull();
  });

  it("counts a convention village by village under Decree 61/2023 Art. 10, never pooled", () => {
    const convention: QuestionInfo = { ...question, law: countingLawFor("DECISION_VILLAGE_CONVENTION", question, { isCommuneWide: true }) };
    const r = tallyQuestion(convention, [
      village({ villageId: "a", name: "Tân Phú 1", eligible: 100, meetings: [meeting({ tallies: { yes: 51, no: 9 } })], decision: { source: "MEETING", meetingId: "m1" } }),
      village({ villageId: "b", name: "Tân Phú 2", eligible: 80, individual: { PAPER: { voters: 50, options: { yes: 40, no: 10 } } } }),
    ]);
    expect(r.villages.map((v) => [v.name, v.outcome?.numerator, v.outcome?.denominator, v.outcome?.passed])).toEqual([["Tân Phú 1", 51, 100, true], ["Tân Phú 2", 40, 80, false]]);
    expect(r.commune).toEqual({ rule: "EACH_VILLAGE", villagesPassed: 1, villages: 2, passed: false });
    expect(r.outcome.passed).toBe(false);
  });

  it("counts web votes only in a village given its own deciding channels (Decree 59/2023 Art. 5, lib/online-deciding)", () => {
    const opts = { isCommuneWide: false };
    const selfManagement: QuestionInfo = { ...question, law: countingLawFor("DECISION_OTHER_SELF_MANAGEMENT", question, { ...opts, onlineDecidingMet: false }) };
    const online = countingLawFor("DECISION_OTHER_SELF_MANAGEMENT", question, { ...opts, onlineDecidingMet: true })!;
    const web = { WEB: { voters: 60, options: { yes: 51, no: 9 } } };
    const r = tallyQuestion(selfManagement, [
      village({ villageId: "met", individual: web, decidingChannels: online.decidingChannels }),
      village({ villageId: "neighbour", individual: web }),
    ]);
    expect(r.villages.map((v) => [v.villageId, v.agree, v.notDeciding, v.outcome?.passed])).toEqual([["met", 51, [], true], ["neighbour", 0, ["WEB"], false]]);
    // Another matter never gets web votes deciding, whatever is asked.
    expect(countingLawFor("DECISION_VILLAGE_CONVENTION", question, { ...opts, onlineDecidingMet: true })!.decidingChannels).not.toContain("WEB");
  });

  it("counts the people who voted at a meeting on a per-person question, and the households present on a household question", () => {
    const perPerson: QuestionInfo = { ...question, votingUnit: "RESIDENT", quorumPercent: null };
    expect(tallyQuestion(perPerson, [village({ meetings: [meeting({ householdsPresent: 60, tallies: { yes: 90, no: 30, other: 5 } })] })])).toMatchObject({ participants: 125, agree: 90, disagree: 30, other: 5 });
    expect(tallyQuestion(question, [village({ meetings: [meeting({ householdsPresent: 60, tallies: { yes: 40, no: 10 } })] })])).toMatchObject({ participants: 60, agree: 40, disagree: 10, other: 10 });
  });

  it("reports choice questions by option, without the yes/no columns", () => {
    const choice: QuestionInfo = { ...question, kind: "SINGLE_CHOICE", thresholdRule: "NONE", options: [{ id: "a", position: 0, label: "Phương án A", isAffirmative: false }, { id: "b", position: 1, label: "Phương án B", isAffirmative: false }] };
    const r = tallyQuestion(choice, [village({ individual: { WEB: { voters: 3, options: { a: 2, b: 1 } } } })]);
    expect(r).toMatchObject({ participants: 3, options: { a: 2, b: 1 }, disagree: null, other: null, outcome: { passed: null } });
  });
});
