// The statistics Polis uses to describe opinion groups (polismath, repness.clj), with the same
// add-one smoothing, so that a group of three people agreeing three times does not read as certainty.

/** How far a share of successes is above one half, as a z-score (Polis' prop-test). */
export function proportionTest(successes: number, trials: number): number {
  const s = successes + 1;
  const n = trials + 1;
  return 2 * Math.sqrt(n) * (s / n - 0.5);
}

/** Whether the share inside the group beats the share outside it, as a z-score (Polis' two-prop-test). */
export function twoProportionTest(successesIn: number, trialsIn: number, successesOut: number, trialsOut: number): number {
  const [s1, n1, s2, n2] = [successesIn + 1, trialsIn + 1, successesOut + 1, trialsOut + 1];
  const pooled = (s1 + s2) / (n1 + n2);
  if (pooled >= 1) return 0;
  return (s1 / n1 - s2 / n2) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
}

/** Laplace-smoothed share: (successes + 1) / (trials + 2). */
export const smoothedShare = (successes: number, trials: number) => (successes + 1) / (trials + 2);

/** z for one-sided 90% confidence, Polis' threshold for "significant". */
export const Z_90 = 1.2816;

export type Tally = { agree: number; disagree: number };

export type Repness = {
  direction: "agree" | "disagree";
  /** Smoothed share of the group that reacted this way. */
  share: number;
  /** The same share among everyone outside the group. */
  restShare: number;
  /** share / restShare */
  ratio: number;
  /** z-scores: the share against one half, and the group against the rest. */
  shareZ: number;
  ratioZ: number;
  /** Polis' ranking metric: ratio × ratioZ × share × shareZ. */
  metric: number;
};

/** How strongly a group stands apart from the rest on one opinion, in the direction it leans most. */
export function representativeness(group: Tally, rest: Tally): Repness | null {
  const seen = group.agree + group.disagree;
  const restSeen = rest.agree + rest.disagree;
  const candidates = (["agree", "disagree"] as const).map((direction) => {
    const own = direction === "agree" ? group.agree : group.disagree;
    const other = direction === "agree" ? rest.agree : rest.disagree;
    const share = smoothedShare(own, seen);
    const restShare = smoothedShare(other, restSeen);
    const ratio = share / restShare;
    const shareZ = proportionTest(own, seen);
    const ratioZ = twoProportionTest(own, seen, other, restSeen);
    return { direction, share, restShare, ratio, shareZ, ratioZ, metric: ratio * ratioZ * share * shareZ };
  });
  const significant = candidates.filter((c) => c.shareZ > Z_90 && c.ratioZ > Z_90 && c.ratio > 1);
  if (significant.length === 0) return null;
  return significant.sort((a, b) => b.metric - a.metric)[0]!;
}
