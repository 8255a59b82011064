import { describe, expect, it } from "vitest";

import type { QuestionResult } from "@/lib/participation/tally";

import { collectionGate, disclosureEndDate, expectedOf, validReducedLevel } from "./rules";

const result = (share: "AT_LEAST_TWO_THIRDS" | "MORE_THAN_HALF", passed: boolean | null, villagesPassed = 2, villages = 3) =>
  ({ question: { law: { share } }, outcome: { passed }, commune: { villagesPassed, villages, passed, rule: "TWO_THIRDS_OF_VILLAGES" } }) as unknown as QuestionResult;

describe("the Art. 15.1 gate reads the counting code's verdict", () => {
  it("opens on a closed contribution decision that passed", () => expect(collectionGate(true, result("AT_LEAST_TWO_THIRDS", true))).toBeNull());
  it("refuses one that did not pass, citing the article and the villages", () =>
    expect(collectionGate(true, result("AT_LEAST_TWO_THIRDS", false, 1, 3))).toEqual({ code: "contributionNotPassed", params: { article: "15.1", passed: 1, villages: 3 } }));
  it("refuses while voting is open", () => expect(collectionGate(false, result("AT_LEAST_TWO_THIRDS", null))?.code).toBe("contributionVoteOpen"));
  it("refuses a matter that is not counted at 2/3", () => expect(collectionGate(true, result("MORE_THAN_HALF", true))?.code).toBe("contributionNotContributionMatter"));
  it("refuses without a question", () => expect(collectionGate(true, null)?.code).toBe("contributionNoDecision"));
});

describe("levels and the disclosure period", () => {
  it("a full exemption expects nothing, a reduction its level", () => {
    expect(expectedOf(500_000, null)).toBe(500_000);
    expect(expectedOf(500_000, { reducedLevel: null })).toBe(0);
    expect(expectedOf(500_000, { reducedLevel: 250_000 })).toBe(250_000);
  });
  it("a reduced level is below the full level", () => {
    expect(validReducedLevel(500_000, 499_999)).toBe(true);
    expect(validReducedLevel(500_000, 500_000)).toBe(false);
  });
  it("posted for 30 days counted with the first (Law on Access to Information Art. 21.2)", () => {
    expect(disclosureEndDate("2026-12-07")).toBe("2027-01-05");
  });
});
