import { describe, expect, it } from "vitest";

import { countingLawFor } from "./counting-rules";
import { type SecretCounts, secretIndividual } from "./secret-ballot-box";
import { secretNotes } from "./secret-results";
import { type QuestionInfo, tallyQuestion, type VillageInput } from "./tally";

// A secret question whose stored rule predates the law's floors: "majority of the votes cast".
const question: QuestionInfo = {
  id: "q",
  text: "Thông qua phương án sử dụng nhà văn hóa thôn?",
  kind: "YES_NO_ABSTAIN",
  votingUnit: "HOUSEHOLD",
  thresholdRule: "MAJORITY_OF_VOTES_CAST",
  thresholdPercent: 50,
  quorumPercent: null,
  secret: true,
  options: [
    { id: "yes", position: 0, label: "Đồng ý", isAffirmative: true },
    { id: "no", position: 1, label: "Không đồng ý", isAffirmative: false },
    { id: "other", position: 2, label: "Ý kiến khác", isAffirmative: false },
  ],
};

// 10 households; 4 web votes stand and 1 was voided after a dispute. The box holds all 5 choices
// (3 agreeing, 2 not): nothing says which one the voided vote was.
const counts: SecretCounts = {
  box: [
    { questionId: "q", villageId: "v1", channel: "WEB", optionId: "yes", count: 3 },
    { questionId: "q", villageId: "v1", channel: "WEB", optionId: "no", count: 2 },
  ],
  participation: [{ questionId: "q", villageId: "v1", channel: "WEB", live: 4, voided: 1 }],
};
const village: VillageInput = { villageId: "v1", name: "Thôn Kín", eligible: 10, individual: secretIndividual(counts, "q", "v1"), meetings: [], decision: null };

describe("a secret question's certifiability", () => {
  it("is weighed under the law's per-village rule for a decision, not the question's stored threshold", () => {
    // Art. 15.6 with online deciding met in the village: web votes decide, more than 50% of ALL households.
    const law = countingLawFor("DECISION_OTHER_SELF_MANAGEMENT", question, { isCommuneWide: false, onlineDecidingMet: true });
    const result = tallyQuestion({ ...question, law }, [village]);
    // 3 of 10 households fail whatever the voided ballot was: nothing it could turn.
    expect(secretNotes(result, counts)).toEqual({ voided: { v1: 1 }, notCertifiable: [] });
    // Without a law (a consultation ballot), the question's own threshold applies: 3 of 4 cast pass,
    // and taking the voided ballot out of "yes" could leave 2 of 4, which does not.
    expect(secretNotes(tallyQuestion(question, [village]), counts)).toEqual({ voided: { v1: 1 }, notCertifiable: ["v1"] });
  });
});
