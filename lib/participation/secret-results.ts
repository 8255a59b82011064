// What the count says of a secret question beyond its figures: the voided participations per village
// and the villages whose result cannot be certified because of them (secret-vote-rules.ts), and the
// public view of its figures, where a village or channel with 1 or 2 votes shows "fewer than 3".
import { villagePasses } from "./counting-rules";
import type { SecretCounts } from "./secret-ballot-box";
import { voidedByVillage } from "./secret-ballot-box";
import { isCertifiable, SECRET_MIN_SHOWN } from "./secret-vote-rules";
import { evaluateThreshold, type QuestionResult } from "./tally";

export type SecretNotes = {
  /** Voided participations per village id; their choices are still in the box. */
  voided: Record<string, number>;
  /** Villages whose result the voided participations could turn. */
  notCertifiable: string[];
};

export function secretNotes(result: QuestionResult, counts: SecretCounts): SecretNotes {
  const q = result.question;
  const voided = voidedByVillage(counts, q.id);
  // A village's verdict under the rule that counts it: the law's per-village rule for a decision
  // (Law 10/2022 Art. 21.1, counting-rules.ts), the question's threshold for a consultation ballot.
  const passes = (affirmative: number, participants: number, eligible: number) =>
    q.law ? villagePasses(q.law, affirmative, eligible) : evaluateThreshold(q.thresholdRule, q.thresholdPercent, { agree: affirmative, participants, eligible }).passed;
  const notCertifiable = result.villages
    .filter((v) => v.source === "INDIVIDUAL" && (voided[v.villageId] ?? 0) > 0)
    .filter(
      (v) =>
        !isCertifiable((affirmative, participants) => passes(affirmative, participants, v.eligible), {
          affirmative: v.agree,
          participants: v.participants,
          voided: voided[v.villageId]!,
          perBallot: q.kind === "MULTIPLE_CHOICE" ? Math.max(1, q.options.filter((o) => o.isAffirmative).length) : 1,
        }),
    )
    .map((v) => v.villageId);
  return { voided, notCertifiable };
}

/**
 * Whether a unit's figures (a village, a channel, the whole question) are shown on public pages and
 * documents: for a secret question, not when it has 1 or 2 votes — each of its figures then reads
 * "fewer than 3" (dưới 3). Open questions show every figure.
 */
export function isSuppressed(secret: boolean | undefined, votes: number): boolean {
  return secret === true && votes > 0 && votes < SECRET_MIN_SHOWN;
}
