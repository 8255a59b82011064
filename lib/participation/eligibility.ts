// Who may vote, when and through which channel: pure rules, fed by what the cast-vote path loads in
// one query. A refusal names its reason as a message key, so the voter reads why.
import type { Channel, ConsultationStatus, VerificationMethod, VotingUnit } from "@/lib/generated/prisma/enums";

/** Voting age; the register keeps only the year of birth, so anyone turning 18 this year counts. */
export const VOTING_AGE = 18;

export type BallotWindow = {
  status: ConsultationStatus;
  commentStartsAt: Date | null;
  commentEndsAt: Date | null;
  allowedChannels: Channel[];
  isCommuneWide: boolean;
  villageIds: string[];
};

export type Voter = {
  residentId: string;
  householdId: string;
  villageId: string;
  birthYear: number | null;
  isActive: boolean;
  householdActive: boolean;
  /** The household's marked representative, if any. */
  representativeId: string | null;
};

export type Refusal = { code: string; params?: Record<string, string | number> };

const yearInVietnam = (now: Date) => Number(new Intl.DateTimeFormat("en", { year: "numeric", timeZone: "Asia/Ho_Chi_Minh" }).format(now));

export const isAdult = (birthYear: number | null, now = new Date()) => birthYear !== null && yearInVietnam(now) - birthYear >= VOTING_AGE;

/** Voting is open: published, inside the comment period. The ballot closes when the period ends. */
export function isBallotOpen(w: Pick<BallotWindow, "status" | "commentStartsAt" | "commentEndsAt">, now = new Date()): boolean {
  return w.status === "PUBLISHED" && (!w.commentStartsAt || w.commentStartsAt <= now) && (!w.commentEndsAt || now <= w.commentEndsAt);
}

/** The ballot has closed: results may be shown. */
export function isBallotClosed(w: Pick<BallotWindow, "status" | "commentEndsAt">, now = new Date()): boolean {
  if (w.status === "DRAFT" || w.status === "SCHEDULED") return false;
  return w.status !== "PUBLISHED" || (w.commentEndsAt !== null && now > w.commentEndsAt);
}

/**
 * Whether a vote may arrive through `channel` now. Web votes and assisted entry happen while voting is
 * open; paper ballots and meeting records are written up afterwards too, until the summary is approved,
 * because ballots collected on the last day are counted the day after.
 */
export function checkVoteWindow(w: BallotWindow, channel: Channel, now = new Date()): Refusal | null {
  if (w.status === "DRAFT" || w.status === "SCHEDULED") return { code: "votingNotStarted" };
  if (!w.allowedChannels.includes(channel)) return { code: "voteChannelNotAllowed", params: { channel } };
  if (w.commentStartsAt && now < w.commentStartsAt) return { code: "votingNotStarted" };
  const lateEntry = channel === "PAPER" || channel === "MEETING";
  if (isBallotOpen(w, now)) return null;
  if (lateEntry && (w.status === "PUBLISHED" || w.status === "CLOSED")) return null;
  return { code: "votingClosed" };
}

export const isVillageInScope = (w: Pick<BallotWindow, "isCommuneWide" | "villageIds">, villageId: string) =>
  w.isCommuneWide || w.villageIds.includes(villageId);

/** A household (paper ballot) may vote: on the register, in a village the consultation covers. */
export function checkHousehold(w: BallotWindow, household: { isActive: boolean; villageId: string }): Refusal | null {
  if (!household.isActive) return { code: "notOnRegister" };
  if (!isVillageInScope(w, household.villageId)) return { code: "outsideScope" };
  return null;
}

/**
 * A person may vote on a question of this unit: on the register, in scope, an adult; for a household
 * question, the household's representative — or, where none is marked, any adult of the household,
 * the first to vote casting the household's one vote (the unique key decides who was first).
 */
export function checkVoter(w: BallotWindow, unit: VotingUnit, voter: Voter, now = new Date()): Refusal | null {
  if (!voter.isActive) return { code: "notOnRegister" };
  const household = checkHousehold(w, { isActive: voter.householdActive, villageId: voter.villageId });
  if (household) return household;
  if (!isAdult(voter.birthYear, now)) return { code: "notAdult", params: { age: VOTING_AGE } };
  if (unit === "HOUSEHOLD" && voter.representativeId !== null && voter.representativeId !== voter.residentId) {
    return { code: "notRepresentative" };
  }
  return null;
}

/**
 * How an account's identity must have been confirmed before it may vote on the web: in person (by
 * staff, or by the village head of the person's village) or with an invite code the village head
 * handed over. A match on the household list by name, year of birth and village (LIST_MATCH) lets a
 * resident comment at once but not vote: anyone who knows a neighbour's name and year of birth could
 * otherwise cast the neighbour's household vote (Law 10/2022 Art. 22: the household representative
 * decides; one vote per household, Art. 21).
 */
export const VOTING_IDENTITY_METHODS: readonly VerificationMethod[] = ["IN_PERSON", "INVITE_CODE"];

/** A web voter's identity is confirmed well enough to vote; the refusal tells how to get confirmed. */
export function checkVotingIdentity(method: VerificationMethod | null | undefined): Refusal | null {
  return method && VOTING_IDENTITY_METHODS.includes(method) ? null : { code: "identityNotConfirmedForVoting" };
}

/** The key that the database holds unique per question: one household, or one person. */
export const voterKeyOf = (unit: VotingUnit, ids: { householdId: string; residentId?: string | null }) =>
  unit === "HOUSEHOLD" ? `H:${ids.householdId}` : `R:${ids.residentId}`;

/** The options chosen fit the question: known options, one for a single choice, at most `maxChoices`. */
export function checkChoices(
  question: { kind: "YES_NO_ABSTAIN" | "SINGLE_CHOICE" | "MULTIPLE_CHOICE"; maxChoices: number; optionIds: string[] },
  chosen: string[],
): Refusal | null {
  const unique = [...new Set(chosen)];
  if (unique.length === 0) return { code: "noChoice" };
  if (unique.some((id) => !question.optionIds.includes(id))) return { code: "unknownOption" };
  const max = question.kind === "MULTIPLE_CHOICE" ? Math.max(1, question.maxChoices) : 1;
  if (unique.length > max) return { code: "tooManyChoices", params: { max } };
  return null;
}
