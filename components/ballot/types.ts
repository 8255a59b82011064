/** A ballot question as the public pages and forms show it. */
export type BallotQuestionView = {
  id: string;
  position: number;
  text: string;
  kind: "YES_NO_ABSTAIN" | "SINGLE_CHOICE" | "MULTIPLE_CHOICE";
  votingUnit: "RESIDENT" | "HOUSEHOLD";
  maxChoices: number;
  options: { id: string; position: number; label: string }[];
};
