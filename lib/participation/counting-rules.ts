// How the law counts a decision (dân bàn và quyết định), in one place. Law 10/2022 Art. 21.1 counts
// each village on its own, against ALL household representatives of that village:
// - contributions to community works (Art. 15.1) and community funds (Art. 15.2): AT LEAST 2/3;
// - conventions, village head, supervision boards, other self-management (Art. 15.3–6): MORE THAN 50%.
// A contribution or fund decision that applies to the whole commune passes when AT LEAST 2/3 of its
// villages pass it. These are floors: a commune setting or a question may ask more, never less.
// Decree 59/2023 Art. 5: web votes decide only an Art. 15.6 matter that met the online-deciding
// conditions; on every other decision matter only meeting and household-ballot (paper) results count.
import type { Channel, LegalCategory, ThresholdRule, VotingUnit } from "@/lib/generated/prisma/enums";

export type Share = "AT_LEAST_TWO_THIRDS" | "MORE_THAN_HALF";

/** What the law says about counting one decision question. Pure data, so other counts can use it. */
export type CountingLaw = {
  share: Share;
  /** Key under "countingRules.article" in the catalogues: the article behind the share. */
  article: "art21Contribution" | "art21SelfManagement";
  /** A stricter figure a commune or the question asked for ("more than X%"), or null for the law's own. */
  raisedPercent: number | null;
  /** Art. 21.1: a commune-wide contribution or fund decision needs 2/3 of its villages. */
  twoThirdsOfVillages: boolean;
  /** The channels whose votes count toward the decision; the others are recorded and set aside. */
  decidingChannels: Channel[];
};

const TWO_THIRDS_CATEGORIES: LegalCategory[] = ["DECISION_COMMUNITY_WORKS", "DECISION_COMMUNITY_FUNDS"];
const DECISION_CATEGORIES: LegalCategory[] = [
  ...TWO_THIRDS_CATEGORIES,
  "DECISION_VILLAGE_CONVENTION",
  "DECISION_VILLAGE_HEAD",
  "DECISION_SUPERVISION_BOARDS",
  "DECISION_OTHER_SELF_MANAGEMENT",
];

/** Meetings and household ballots: the forms that decide every decision matter (Decree 59/2023 Art. 3–4). */
export const OFFLINE_DECIDING_CHANNELS: Channel[] = ["MEETING", "PAPER"];

export const isDecisionCategory = (category: LegalCategory) => DECISION_CATEGORIES.includes(category);

export const shareOf = (category: LegalCategory): Share => (TWO_THIRDS_CATEGORIES.includes(category) ? "AT_LEAST_TWO_THIRDS" : "MORE_THAN_HALF");

/** The law's floor in percent, as a commune or a question writes it (2/3 is written 66.67). */
export const floorPercent = (share: Share) => (share === "AT_LEAST_TWO_THIRDS" ? 66.67 : 50);

/** A figure at or below the floor (66.67 for 2/3) means the law's own rule, measured exactly. */
const raises = (share: Share, percent: number) => percent > floorPercent(share);

/** The counting law for a question on a decision matter; null for disclosure and consultation matters. */
export function countingLawFor(category: LegalCategory, question: { thresholdPercent: number }, opts: { isCommuneWide: boolean; onlineDecidingMet?: boolean }): CountingLaw | null {
  if (!isDecisionCategory(category)) return null;
  const share = shareOf(category);
  return {
    share,
    article: share === "AT_LEAST_TWO_THIRDS" ? "art21Contribution" : "art21SelfManagement",
    raisedPercent: raises(share, question.thresholdPercent) ? question.thresholdPercent : null,
    twoThirdsOfVillages: share === "AT_LEAST_TWO_THIRDS" && opts.isCommuneWide,
    decidingChannels: category === "DECISION_OTHER_SELF_MANAGEMENT" && opts.onlineDecidingMet ? [...OFFLINE_DECIDING_CHANNELS, "WEB"] : OFFLINE_DECIDING_CHANNELS,
  };
}

/**
 * A village passes: at least 2/3 (inclusive: exactly 2/3 passes) or more than half (strict: exactly
 * half fails) of ALL its households agree; and, where a stricter figure was set, more than that figure.
 * Integer arithmetic, so 2 of 3 is exactly 2/3. A village with no households on the list never passes.
 */
export function villagePasses(law: Pick<CountingLaw, "share" | "raisedPercent">, agree: number, households: number): boolean {
  if (households <= 0) return false;
  const floor = law.share === "AT_LEAST_TWO_THIRDS" ? agree * 3 >= households * 2 : agree * 2 > households;
  return floor && (law.raisedPercent === null || agree * 100 > law.raisedPercent * households);
}

/** Art. 21.1: a commune-wide contribution or fund decision passes when at least 2/3 of its villages pass it. */
export const enoughVillages = (passed: number, villages: number) => villages > 0 && passed * 3 >= villages * 2;

export type FloorProblem = { code: string; params: Record<string, string | number> };

/**
 * A question on a decision matter must count households against all households of the village, at the
 * law's floor or above (Law 10/2022 Art. 15 and 21.1), and at the commune's own higher figure if it set
 * one (`communePercent`, from ruleFor). The message cites the article.
 */
export function checkQuestionFloor(
  category: LegalCategory,
  q: { votingUnit: VotingUnit; thresholdRule: ThresholdRule; thresholdPercent: number },
  communePercent = 0,
): FloorProblem | null {
  if (!isDecisionCategory(category)) return null;
  const share = shareOf(category);
  const article = share === "AT_LEAST_TWO_THIRDS" ? "art21Contribution" : "art21SelfManagement";
  if (q.votingUnit !== "HOUSEHOLD") return { code: "decisionNeedsHouseholds", params: {} };
  if (q.thresholdRule !== "MAJORITY_OF_ALL_IN_SCOPE") return { code: "decisionNeedsAllHouseholds", params: { rule: q.thresholdRule } };
  const floor = Math.max(floorPercent(share), communePercent);
  if (q.thresholdPercent < floor) return { code: "thresholdBelowFloor", params: { floor, article } };
  return null;
}
