import { describe, expect, it } from "vitest";

import { checkQuestionFloor, countingLawFor, enoughVillages, villagePasses } from "./counting-rules";
import { type QuestionInfo, tallyQuestion, type VillageInput, withoutVerdict } from "./tally";

const twoThirds = { share: "AT_LEAST_TWO_THIRDS", raisedPercent: null } as const;
const half = { share: "MORE_THAN_HALF", raisedPercent: null } as const;

describe("a village's verdict against ALL its households (Law 10/2022 Art. 21.1)", () => {
  it("passes a contribution with exactly 2/3 of households, fails it one short", () => {
    expect(villagePasses(twoThirds, 2, 3)).toBe(true);
    expect(villagePasses(twoThirds, 80, 120)).toBe(true);
    expect(villagePasses(twoThirds, 79, 120)).toBe(false);
    // 67 of 100 is at least 2/3; 66 of 100 is not.
    expect(villagePasses(twoThirds, 67, 100)).toBe(true);
    expect(villagePasses(twoThirds, 66, 100)).toBe(false);
  });

  it("fails a convention at exactly 50% and passes it with one more household", () => {
    expect(villagePasses(half, 50, 100)).toBe(false);
    expect(villagePasses(half, 51, 100)).toBe(true);
    expect(villagePasses(half, 2, 3)).toBe(true);
  });

  it("never passes a village with no households on the list", () => {
    expect(villagePasses(half, 0, 0)).toBe(false);
    expect(villagePasses(twoThirds, 0, 0)).toBe(false);
  });

  it("asks more where a stricter figure was set: more than that figure, and the law's floor still", () => {
    expect(villagePasses({ share: "MORE_THAN_HALF", raisedPercent: 60 }, 60, 100)).toBe(false);
    expect(villagePasses({ share: "MORE_THAN_HALF", raisedPercent: 60 }, 61, 100)).toBe(true);
    expect(villagePasses({ share: "AT_LEAST_TWO_THIRDS", raisedPercent: 75 }, 75, 100)).toBe(false);
  });
});

describe("the commune-level rule", () => {
  it("passes a commune-wide contribution with exactly 2/3 of its villages, fails it one short", () => {
    expect(enoughVillages(2, 3)).toBe(true);
    expect(enoughVillages(4, 6)).toBe(true);
    expect(enoughVillages(3, 6)).toBe(false);
    expect(enoughVillages(0, 0)).toBe(false);
  });

  it("applies only to a commune-wide contribution or fund", () => {
    expect(countingLawFor("DECISION_COMMUNITY_WORKS", { thresholdPercent: 66.67 }, { isCommuneWide: true })).toMatchObject({ share: "AT_LEAST_TWO_THIRDS", twoThirdsOfVillages: true, raisedPercent: null });
    expect(countingLawFor("DECISION_COMMUNITY_FUNDS", { thresholdPercent: 66.67 }, { isCommuneWide: false })).toMatchObject({ twoThirdsOfVillages: false });
    expect(countingLawFor("DECISION_VILLAGE_CONVENTION", { thresholdPercent: 50 }, { isCommuneWide: true })).toMatchObject({ share: "MORE_THAN_HALF", twoThirdsOfVillages: false });
    expect(countingLawFor("CONSULTATION_PLANNING", { thresholdPercent: 50 }, { isCommuneWide: true })).toBeNull();
  });

  it("lets web votes decide only an Art. 15.6 matter whose online-deciding conditions were met", () => {
    expect(countingLawFor("DECISION_VILLAGE_CONVENTION", { thresholdPercent: 50 }, { isCommuneWide: true, onlineDecidingMet: true })?.decidingChannels).toEqual(["MEETING", "PAPER"]);
    expect(countingLawFor("DECISION_OTHER_SELF_MANAGEMENT", { thresholdPercent: 50 }, { isCommuneWide: true })?.decidingChannels).toEqual(["MEETING", "PAPER"]);
    expect(countingLawFor("DECISION_OTHER_SELF_MANAGEMENT", { thresholdPercent: 50 }, { isCommuneWide: true, onlineDecidingMet: true })?.decidingChannels).toContain("WEB");
  });
});

describe("the floors a question may not go under", () => {
  const ok = { votingUnit: "HOUSEHOLD", thresholdRule: "MAJORITY_OF_ALL_IN_SCOPE", thresholdPercent: 66.67 } as const;
  it("refuses a lower figure, votes cast, no threshold, or a resident unit on a decision matter, citing the article", () => {
    expect(checkQuestionFloor("DECISION_COMMUNITY_WORKS", ok)).toBeNull();
    expect(checkQuestionFloor("DECISION_COMMUNITY_WORKS", { ...ok, thresholdPercent: 60 })).toEqual({ code: "thresholdBelowFloor", params: { floor: 66.67, article: "art21Contribution" } });
    expect(checkQuestionFloor("DECISION_VILLAGE_HEAD", { ...ok, thresholdPercent: 49.9 })).toMatchObject({ params: { floor: 50, article: "art21SelfManagement" } });
    expect(checkQuestionFloor("DECISION_VILLAGE_HEAD", { ...ok, thresholdPercent: 50 })).toBeNull();
    expect(checkQuestionFloor("DECISION_VILLAGE_CONVENTION", { ...ok, thresholdRule: "MAJORITY_OF_VOTES_CAST" })).toMatchObject({ code: "decisionNeedsAllHouseholds" });
    expect(checkQuestionFloor("DECISION_VILLAGE_CONVENTION", { ...ok, thresholdRule: "NONE" })).toMatchObject({ code: "decisionNeedsAllHouseholds" });
    expect(checkQuestionFloor("DECISION_VILLAGE_CONVENTION", { ...ok, votingUnit: "RESIDENT" })).toMatchObject({ code: "decisionNeedsHouseholds" });
    expect(checkQuestionFloor("CONSULTATION_OTHER", { ...ok, thresholdRule: "NONE", votingUnit: "RESIDENT" })).toBeNull();
  });
});

describe("a decision counted village by village", () => {
  const base: QuestionInfo = {
    id: "q",
    text: "Đóng góp làm đường bê tông liên thôn?",
    kind: "YES_NO_ABSTAIN",
    votingUnit: "HOUSEHOLD",
    thresholdRule: "MAJORITY_OF_ALL_IN_SCOPE",
    thresholdPercent: 66.67,
    quorumPercent: null,
    options: [
      { id: "yes", position: 0, label: "Đồng ý", isAffirmative: true },
      { id: "no", position: 1, label: "Không đồng ý", isAffirmative: false },
      { id: "other", position: 2, label: "Ý kiến khác", isAffirmative: false },
    ],
  };
  const contribution: QuestionInfo = { ...base, law: countingLawFor("DECISION_COMMUNITY_WORKS", base, { isCommuneWide: true }) };
  const paper = (villageId: string, eligible: number, yes: number, no: number): VillageInput => ({
    villageId,
    name: villageId,
    eligible,
    individual: { PAPER: { voters: yes + no, options: { yes, no } } },
    meetings: [],
    decision: null,
  });

  it("passes the commune when 2 of 3 villages reach 2/3, though the pooled share is under 2/3", () => {
    const r = tallyQuestion(contribution, [paper("a", 30, 20, 10), paper("b", 30, 20, 0), paper("c", 90, 10, 70)]);
    expect(r.villages.map((v) => v.outcome?.passed)).toEqual([true, true, false]);
    expect(r.villages[0]!.outcome).toMatchObject({ share: "AT_LEAST_TWO_THIRDS", article: "art21Contribution", numerator: 20, denominator: 30 });
    expect(r.commune).toEqual({ rule: "TWO_THIRDS_OF_VILLAGES", villagesPassed: 2, villages: 3, passed: true });
    expect(r.outcome.passed).toBe(true);
    expect(r.agree * 3 < r.eligible * 2).toBe(true);
  });

  it("fails the commune when one village short of 2/3 passes", () => {
    const r = tallyQuestion(contribution, [paper("a", 30, 20, 0), paper("b", 30, 19, 11), paper("c", 30, 25, 0)]);
    expect(r.commune).toMatchObject({ villagesPassed: 2, villages: 3, passed: true });
    const short = tallyQuestion(contribution, [paper("a", 30, 20, 0), paper("b", 30, 19, 11), paper("c", 30, 19, 0)]);
    expect(short.commune).toMatchObject({ villagesPassed: 1, passed: false });
  });

  it("does not pass a multi-village convention that most villages rejected, though the pooled majority agrees", () => {
    const convention: QuestionInfo = { ...base, thresholdPercent: 50, law: countingLawFor("DECISION_VILLAGE_CONVENTION", { thresholdPercent: 50 }, { isCommuneWide: true }) };
    const r = tallyQuestion(convention, [paper("a", 200, 190, 0), paper("b", 50, 25, 25), paper("c", 50, 20, 30)]);
    expect(r.agree * 2 > r.eligible).toBe(true);
    expect(r.villages.map((v) => v.outcome?.passed)).toEqual([true, false, false]);
    expect(r.commune).toEqual({ rule: "EACH_VILLAGE", villagesPassed: 1, villages: 3, passed: false });
  });

  it("sets web and assisted votes aside on a matter they may not decide, counting paper and meetings only", () => {
    const village: VillageInput = {
      ...paper("a", 30, 10, 0),
      individual: { PAPER: { voters: 10, options: { yes: 10 } }, WEB: { voters: 15, options: { yes: 15 } }, ASSISTED: { voters: 1, options: { yes: 1 } } },
    };
    const r = tallyQuestion(contribution, [village]);
    expect(r.villages[0]).toMatchObject({ participants: 10, agree: 10, notDeciding: ["WEB", "ASSISTED"], setAside: { WEB: 15, ASSISTED: 1, PAPER: 0 } });
    expect(r.villages[0]!.outcome?.passed).toBe(false);
    expect(r.byChannel.WEB).toBeUndefined();
  });

  it("shows running figures without any verdict", () => {
    const r = withoutVerdict(tallyQuestion(contribution, [paper("a", 30, 30, 0)]));
    expect(r.villages[0]!.outcome).toMatchObject({ numerator: 30, passed: null });
    expect(r.commune).toMatchObject({ passed: null, villagesPassed: 0 });
    expect(r.outcome.passed).toBeNull();
  });
});
