// The rules of a contribution (dân làm), in one place.
//
// - Law 10/2022/QH15 Art. 15.1 and 21.1: a contribution to community works is decided by the households;
//   it passes in a village with AT LEAST 2/3 of ALL household representatives of that village, and
//   commune-wide when at least 2/3 of its villages pass. The counting itself is lib/participation
//   (counting-rules.ts, tally.ts): this file only reads its verdict, it never re-counts.
// - Art. 11.5: the amounts raised and their use are disclosed; with no period set by law, a posting
//   stays up at least 30 days (Law on Access to Information 2016, Art. 21.2).
import { MIN_POSTING_DAYS } from "@/lib/consultations/legal-rules";
import { addDaysVn } from "@/lib/consultations/periods";
import type { QuestionResult } from "@/lib/participation/tally";

/** Law on Access to Information 2016 Art. 21.2: posted for at least 30 days (lib/consultations/legal-rules). */
export const DISCLOSURE_DAYS = MIN_POSTING_DAYS;

export type GateRefusal = { code: string; params: Record<string, string | number> };

/**
 * Collection may open only on a decision that passed under Art. 15.1: a closed ballot on a matter
 * counted at 2/3 of all households (counting-rules.ts), whose verdict (per village, then 2/3 of the
 * villages when commune-wide) is "passed". Null when it may open; otherwise the refusal, citing the article.
 */
export function collectionGate(closed: boolean, result: Pick<QuestionResult, "question" | "outcome" | "commune"> | null): GateRefusal | null {
  if (!result) return { code: "contributionNoDecision", params: { article: "15.1" } };
  if (result.question.law?.share !== "AT_LEAST_TWO_THIRDS") return { code: "contributionNotContributionMatter", params: { article: "15.1" } };
  if (!closed) return { code: "contributionVoteOpen", params: { article: "15.1" } };
  if (result.outcome.passed !== true) {
    return { code: "contributionNotPassed", params: { article: "15.1", passed: result.commune?.villagesPassed ?? 0, villages: result.commune?.villages ?? 0 } };
  }
  return null;
}

/** What one household is expected to bring: the level, a category's reduced level, or nothing if exempt. */
export function expectedOf(level: number, exemption: { reducedLevel: number | null } | null): number {
  if (!exemption) return level;
  return exemption.reducedLevel === null ? 0 : Math.min(level, exemption.reducedLevel);
}

/** The last day of a disclosure posted on `startDate` (Vietnam date): 30 days counted with the first. */
export const disclosureEndDate = (startDate: string) => addDaysVn(startDate, DISCLOSURE_DAYS - 1);

/** A reduced level must be below the full level (an "exemption" at the full level is none). */
export const validReducedLevel = (level: number, reduced: number | null) => reduced === null || (reduced >= 0 && reduced < level);
