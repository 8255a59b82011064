// Opinion groups the Polis way: who reacts alike to the same opinions. The participants × opinions
// matrix (agree +1, disagree −1, none 0) is reduced to two principal components, participants are
// clustered there with k-means for k = 2..5 and the k with the best silhouette wins; then each group
// is described by the opinions it agrees with (or rejects) far more than everyone else, and the whole
// by the opinions every group agrees with.
//
// k-means is mljs' ml-kmeans: maintained, typed, pure JavaScript that installs on Node 20, and it
// seeds k-means++ from a given seed, which keeps the result the same from run to run. The principal
// components are computed here, on the sparse matrix (principal-components.ts says why).
import { kmeans } from "ml-kmeans";

import { seededRandom } from "@/lib/reports/seeded-random";

import { buildVoteMatrix, latestReactions, type ReactionInput, type VoteMatrix } from "./build-matrix";
import { representativeness, type Repness, smoothedShare, type Tally } from "./polis-stats";
import { principalComponents } from "./principal-components";
import { silhouetteScore } from "./silhouette";

export type { ReactionInput };

export type OpinionGroupsOptions = {
  /** Fewer reactions than this in all: no groups (the commune setting minReactionsForGroups). */
  minReactions?: number;
  /** Fewer participants than this (after the per-participant minimum): no groups. */
  minParticipants?: number;
  /** A participant needs this many reactions to be placed. */
  minReactionsPerParticipant?: number;
  maxGroups?: number;
  /** Representative opinions listed per group, and consensus opinions listed per direction. */
  listLength?: number;
  /** Every group must agree (or disagree) at least this much for a consensus opinion. */
  consensusShare?: number;
  seed?: number;
};

const DEFAULTS = {
  minReactions: 30,
  minParticipants: 10,
  minReactionsPerParticipant: 3,
  maxGroups: 5,
  listLength: 5,
  consensusShare: 0.6,
  seed: 11,
};

export type Figures = { reactions: number; participants: number; opinions: number };

export type RepresentativeOpinion = Repness & { opinionId: string; agree: number; disagree: number };

export type ConsensusOpinion = {
  opinionId: string;
  direction: "agree" | "disagree";
  /** Product of the groups' smoothed shares (Polis' group-informed consensus). */
  score: number;
  perGroup: Tally[];
};

export type OpinionGroup = {
  id: number;
  size: number;
  centre: [number, number];
  representative: RepresentativeOpinion[];
};

export type OpinionGroupsResult =
  | {
      status: "insufficient";
      reason: "tooFewReactions" | "tooFewParticipants" | "tooFewOpinions";
      /** What was there, and what would have been needed. */
      figures: Figures;
      required: number;
    }
  | {
      status: "ok";
      figures: Figures;
      silhouette: number;
      /** Share of the variance each of the two components explains. */
      explainedVariance: [number, number];
      groups: OpinionGroup[];
      consensus: ConsensusOpinion[];
      /** Each placed participant as a point, for a chart; deliberately without who it is. */
      points: { x: number; y: number; group: number }[];
    };

/**
 * Participants in the plane of the two principal components. Polis' correction: one who reacted to
 * few opinions sits near the centre only because of the zeros, so scale by √(opinions / own
 * reactions) to place them by what they did say.
 */
function project(matrix: VoteMatrix): { points: [number, number][]; explained: [number, number] } {
  const { scores, explained } = principalComponents(matrix);
  const opinions = matrix.opinions.length;
  const points = scores.map(([x, y], p): [number, number] => {
    const scale = Math.sqrt(opinions / Math.max(1, matrix.columns[p]!.length));
    return [x * scale, y * scale];
  });
  return { points, explained };
}

/** k-means for each k, three seeded starts each; the k with the best silhouette. */
function clusterPoints(points: [number, number][], maxGroups: number, seed: number) {
  let best: { labels: number[]; k: number; silhouette: number } | null = null;
  for (let k = 2; k <= Math.min(maxGroups, points.length - 1); k++) {
    let chosen: { labels: number[]; error: number } | null = null;
    for (let start = 0; start < 3; start++) {
      const result = kmeans(points, k, { initialization: "kmeans++", seed: seed * 100 + k * 10 + start, maxIterations: 100 });
      const error = result.computeInformation(points).reduce((sum, c) => sum + Math.max(0, c.error) * c.size, 0);
      if (!chosen || error < chosen.error) chosen = { labels: result.clusters, error };
    }
    const silhouette = silhouetteScore(points, chosen!.labels, k, seededRandom(seed + k));
    if (!best || silhouette > best.silhouette + 1e-9) best = { labels: chosen!.labels, k, silhouette };
  }
  return best!;
}

export function computeOpinionGroups(reactions: ReactionInput[], options: OpinionGroupsOptions = {}): OpinionGroupsResult {
  const o = { ...DEFAULTS, ...options };
  const votes = latestReactions(reactions);
  const total = [...votes.values()].reduce((sum, v) => sum + v.size, 0);
  const everyone: Figures = { reactions: total, participants: votes.size, opinions: new Set(reactions.map((r) => r.opinionId)).size };
  if (total < o.minReactions) return { status: "insufficient", reason: "tooFewReactions", figures: everyone, required: o.minReactions };

  const matrix = buildVoteMatrix(votes, o.minReactionsPerParticipant);
  const figures: Figures = { reactions: matrix.reactionsCounted, participants: matrix.participants.length, opinions: matrix.opinions.length };
  const minParticipants = Math.max(o.minParticipants, 3);
  if (figures.participants < minParticipants) return { status: "insufficient", reason: "tooFewParticipants", figures, required: minParticipants };
  if (figures.opinions < 2) return { status: "insufficient", reason: "tooFewOpinions", figures, required: 2 };

  const { points, explained } = project(matrix);
  const clustering = clusterPoints(points, o.maxGroups, o.seed);

  // Groups numbered by size, largest first (ties: the one whose first member comes first).
  const members: number[][] = Array.from({ length: clustering.k }, () => []);
  clustering.labels.forEach((label, p) => members[label]!.push(p));
  const order = members.map((m, label) => ({ m, label })).filter((g) => g.m.length > 0).sort((a, b) => b.m.length - a.m.length || a.m[0]! - b.m[0]!);
  const groupOf = new Array<number>(points.length);
  order.forEach((g, id) => g.m.forEach((p) => (groupOf[p] = id)));

  // Agree and disagree counts per group and opinion.
  const tallies: Tally[][] = order.map(() => matrix.opinions.map(() => ({ agree: 0, disagree: 0 })));
  matrix.columns.forEach((cols, p) =>
    cols.forEach((c, j) => {
      if (matrix.values[p]![j] === 1) tallies[groupOf[p]!]![c]!.agree++;
      else tallies[groupOf[p]!]![c]!.disagree++;
    }),
  );
  const totals = matrix.opinions.map((_, c) => tallies.reduce((sum, g) => ({ agree: sum.agree + g[c]!.agree, disagree: sum.disagree + g[c]!.disagree }), { agree: 0, disagree: 0 }));

  const groups: OpinionGroup[] = order.map((g, id) => {
    const representative: RepresentativeOpinion[] = [];
    matrix.opinions.forEach((opinionId, c) => {
      const own = tallies[id]![c]!;
      const rest = { agree: totals[c]!.agree - own.agree, disagree: totals[c]!.disagree - own.disagree };
      const rep = representativeness(own, rest);
      if (rep) representative.push({ opinionId, agree: own.agree, disagree: own.disagree, ...rep });
    });
    representative.sort((a, b) => b.metric - a.metric || (a.opinionId < b.opinionId ? -1 : 1));
    const centre = g.m.reduce<[number, number]>((sum, p) => [sum[0] + points[p]![0] / g.m.length, sum[1] + points[p]![1] / g.m.length], [0, 0]);
    return { id, size: g.m.length, centre, representative: representative.slice(0, o.listLength) };
  });

  const consensus: ConsensusOpinion[] = [];
  for (const direction of ["agree", "disagree"] as const) {
    const found: ConsensusOpinion[] = [];
    matrix.opinions.forEach((opinionId, c) => {
      const perGroup = tallies.map((g) => g[c]!);
      const shares = perGroup.map((t) => smoothedShare(direction === "agree" ? t.agree : t.disagree, t.agree + t.disagree));
      // Every group must have reacted (at least twice) and leant this way.
      if (perGroup.some((t) => t.agree + t.disagree < 2) || shares.some((s) => s < o.consensusShare)) return;
      found.push({ opinionId, direction, score: shares.reduce((prod, s) => prod * s, 1), perGroup });
    });
    found.sort((a, b) => b.score - a.score || (a.opinionId < b.opinionId ? -1 : 1));
    consensus.push(...found.slice(0, o.listLength));
  }

  return {
    status: "ok",
    figures,
    silhouette: clustering.silhouette,
    explainedVariance: explained,
    groups,
    consensus,
    points: points.map(([x, y], p) => ({ x, y, group: groupOf[p]! })),
  };
}
