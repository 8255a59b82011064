/** A ballot question as the public pages and forms show it. */
export type BallotQuestionView = {
  id: string;
  position: number;
  text: string;
  kind: "YES_NO_ABSTAIN" | "SINGLE_CHOICE" | "MULTIPLE_CHOICE";
  votingUnit: "RESIDENT" | "HOUSEHOLD";
  maxChoices: number;
  /** A secret ballot: the vote cannot be changed, and the choice is not kept with it. */
  secret?: boolean;
  options: { id: string; position: number; label: string }[];
};
