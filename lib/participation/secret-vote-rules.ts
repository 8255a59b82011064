// The rules of a secret question (bỏ phiếu kín), in one place. Where the ballot box is and why nothing
// joins it to the voters: secret-ballot-box.ts. Source: the secret ballot among the law's forms of
// voting (a village meeting by show of hands or secret ballot, household ballots: Decree 59/2023
// Art. 3–5, see docs/domain.md) and issue 10 §5: as on paper, nobody may learn how a household voted.
import { AppError } from "@/lib/errors";
import type { LegalCategory } from "@/lib/generated/prisma/enums";

/** Elections are secret by default, as a secret paper ballot is: electing the village head (Art. 15.4) and board members (Art. 15.5). */
const SECRET_BY_DEFAULT: readonly LegalCategory[] = ["DECISION_VILLAGE_HEAD", "DECISION_SUPERVISION_BOARDS"];

export const isSecretByDefault = (category: LegalCategory | null) => category !== null && SECRET_BY_DEFAULT.includes(category);

/**
 * A secret vote cannot be changed: the ballot is in the box as a count, and nothing records which
 * count it went to, so there is nothing to take back out — as with a paper ballot dropped in the box.
 */
export function refuseSecretChange(question: { secret: boolean }): void {
  if (question.secret) throw new AppError("secretVoteFinal", 409);
}

/**
 * Paper and assisted entry on a secret question. Entering each household's choice would show it to
 * the person entering it, so neither is taken one household at a time: the village's paper ballots
 * are counted by its ballot-count committee and come in as the village's count per option, recorded
 * as a meeting record with the secret-ballot form and its ballot-count minutes (record-meeting.ts);
 * a household that needs help votes on a paper ballot in the village's box.
 */
export function refuseSecretIndividualEntry(question: { secret: boolean }, channel: "PAPER" | "ASSISTED"): void {
  if (!question.secret) return;
  throw new AppError(channel === "PAPER" ? "secretPaperByCount" : "secretNoAssisted", 422);
}

/**
 * Public figures of a secret question below this are shown as "fewer than 3" (dưới 3), per village
 * and per channel: with one or two ballots the count alone could tell a neighbour how a household voted.
 */
export const SECRET_MIN_SHOWN = 3;

/**
 * A voided secret vote (a contested vote, confirmed by the Front) stays in the box: nothing says which
 * count it went to. The village's result cannot then be certified when taking the voided ballots out,
 * whichever options they were for, could turn it: each of the `voided` ballots may or may not have
 * been affirmative (up to `perBallot` affirmative marks on a multiple-choice ballot). `passes` is the
 * village's threshold rule (tally.ts) applied to an affirmative count and a number of participants.
 */
export function isCertifiable(
  passes: (affirmative: number, participants: number) => boolean | null,
  village: { affirmative: number; participants: number; voided: number; perBallot?: number },
): boolean {
  if (village.voided === 0) return true;
  const now = passes(village.affirmative, village.participants);
  if (now === null) return true;
  // The participants already exclude the voided votes; the box's affirmative count still includes them.
  const most = Math.min(village.affirmative, village.voided * (village.perBallot ?? 1));
  for (let k = 0; k <= most; k++) if (passes(village.affirmative - k, village.participants) !== now) return false;
  return true;
}
