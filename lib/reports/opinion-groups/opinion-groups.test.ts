import { PCA } from "ml-pca";
import { describe, expect, it } from "vitest";

import { seededRandom } from "@/lib/reports/seeded-random";

import { buildVoteMatrix, latestReactions, type ReactionInput } from "./build-matrix";
import { computeOpinionGroups } from "./compute-opinion-groups";
import { proportionTest, representativeness, twoProportionTest } from "./polis-stats";
import { principalComponents } from "./principal-components";

/**
 * Camps of `size` participants over blocks of 6 opinions, plus 3 opinions everyone likes (o00–o02).
 * `leaning[camp][block]` is how likely the camp is to agree with an opinion of that block; each
 * participant reacts to about 70% of the opinions.
 */
function simulate(leaning: number[][], size: number, seed = 1) {
  const random = seededRandom(seed);
  const perBlock = 6;
  const opinions = 3 + perBlock * leaning[0]!.length;
  const blockOf = (id: string) => {
    const o = Number(id.slice(1));
    return o < 3 ? -1 : Math.floor((o - 3) / perBlock);
  };
  const reactions: ReactionInput[] = [];
  const campOf = new Map<string, number>();
  leaning.forEach((blocks, g) => {
    for (let i = 0; i < size; i++) {
      const participantId = `p${g}-${i}`;
      campOf.set(participantId, g);
      for (let o = 0; o < opinions; o++) {
        if (random() > 0.7) continue;
        const opinionId = `o${String(o).padStart(2, "0")}`;
        const block = blockOf(opinionId);
        const agreeChance = block === -1 ? 0.95 : blocks[block]!;
        reactions.push({ participantId, opinionId, kind: random() < agreeChance ? "AGREE" : "DISAGREE" });
      }
    }
  });
  return { reactions, campOf, blockOf };
}

/** Camp g agrees with block g and rejects block g+1 (90%), and is split on the rest. */
const cyclic = (groups: number) =>
  Array.from({ length: groups }, (_, g) => Array.from({ length: groups }, (_, b) => (b === g ? 0.9 : b === (g + 1) % groups ? 0.1 : 0.5)));
/** Two independent questions, four camps: for and against each, in every combination. */
const twoByTwo = [
  [0.9, 0.9],
  [0.9, 0.1],
  [0.1, 0.9],
  [0.1, 0.1],
];

const camps = (groups: number, size: number, seed = 1) => simulate(groups === 4 ? twoByTwo : cyclic(groups), size, seed);

describe("computeOpinionGroups", () => {
  it.each([2, 3, 4])("recovers %i camps: k chosen by silhouette is the true k, every camp one group", (k) => {
    const { reactions, campOf } = camps(k, 25);
    const result = computeOpinionGroups(reactions);
    if (result.status !== "ok") throw new Error(result.reason);
    expect(result.groups).toHaveLength(k);
    expect(result.figures.participants).toBe(25 * k);
    // Each found group is one camp: its members come from that camp (a few noisy voters may stray).
    const matrix = buildVoteMatrix(latestReactions(reactions), 3);
    const majorities = result.groups.map((g) => {
      const members = result.points.flatMap((pt, p) => (pt.group === g.id ? [campOf.get(matrix.participants[p]!)!] : []));
      const counts = members.reduce((m, c) => m.set(c, (m.get(c) ?? 0) + 1), new Map<number, number>());
      const [camp, count] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
      return { camp, count };
    });
    expect(new Set(majorities.map((m) => m.camp)).size).toBe(k);
    const placedRight = majorities.reduce((sum, m) => sum + m.count, 0) / result.figures.participants;
    expect(placedRight).toBeGreaterThanOrEqual(0.95);
    expect(result.silhouette).toBeGreaterThan(0.5);
  });

  it("finds each group's representative opinions in its own block, and the consensus opinions", () => {
    const { reactions, campOf, blockOf } = camps(3, 30, 5);
    const result = computeOpinionGroups(reactions);
    if (result.status !== "ok") throw new Error(result.reason);
    const matrix = buildVoteMatrix(latestReactions(reactions), 3);
    for (const group of result.groups) {
      const camp = campOf.get(matrix.participants[result.points.findIndex((pt) => pt.group === group.id)]!)!;
      expect(group.representative.length).toBeGreaterThan(0);
      const agreed = group.representative.filter((r) => r.direction === "agree");
      expect(agreed.length).toBeGreaterThan(0);
      for (const r of agreed) expect(blockOf(r.opinionId)).toBe(camp);
      for (const r of group.representative.filter((x) => x.direction === "disagree")) expect(blockOf(r.opinionId)).toBe((camp + 1) % 3);
      expect(group.representative[0]!.share).toBeGreaterThan(group.representative[0]!.restShare);
    }
    const agreedByAll = result.consensus.filter((c) => c.direction === "agree").map((c) => c.opinionId);
    expect(agreedByAll.sort()).toEqual(["o00", "o01", "o02"]);
    for (const c of result.consensus) expect(c.perGroup).toHaveLength(3);
  });

  it("is deterministic: the same reactions, in any order, give the same groups", () => {
    const { reactions } = camps(3, 20, 9);
    const first = computeOpinionGroups(reactions);
    const random = seededRandom(3);
    const reordered = [...reactions].sort(() => random() - 0.5);
    expect(computeOpinionGroups(reactions)).toEqual(first);
    expect(computeOpinionGroups(reordered)).toEqual(first);
  });

  it("says why there are no groups when there are too few reactions or participants", () => {
    const { reactions } = camps(2, 3);
    expect(computeOpinionGroups(reactions.slice(0, 29))).toMatchObject({ status: "insufficient", reason: "tooFewReactions", required: 30, figures: { reactions: 29 } });
    expect(computeOpinionGroups(reactions, { minReactions: 1000 })).toMatchObject({ status: "insufficient", reason: "tooFewReactions", required: 1000 });
    // 6 participants: enough reactions, too few people to find groups among.
    expect(computeOpinionGroups(reactions)).toMatchObject({ status: "insufficient", reason: "tooFewParticipants", required: 10, figures: { participants: 6 } });
    const onOneOpinion = Array.from({ length: 40 }, (_, i) => ({ participantId: `p${i}`, opinionId: "o1", kind: "AGREE" as const }));
    expect(computeOpinionGroups(onOneOpinion, { minReactionsPerParticipant: 1 })).toMatchObject({ status: "insufficient", reason: "tooFewOpinions" });
  });

  it("finds one group, and everything consensus, when everyone reacts alike", () => {
    const reactions: ReactionInput[] = [];
    for (let p = 0; p < 15; p++) for (let o = 0; o < 4; o++) reactions.push({ participantId: `p${p}`, opinionId: `o${o}`, kind: "AGREE" });
    const result = computeOpinionGroups(reactions);
    if (result.status !== "ok") throw new Error(result.reason);
    expect(result.groups).toHaveLength(1);
    expect(result.groups[0]!.size).toBe(15);
    expect(result.consensus.map((c) => c.opinionId)).toEqual(["o0", "o1", "o2", "o3"]);
  });

  it("counts a changed reaction once, as its latest kind", () => {
    const votes = latestReactions([
      { participantId: "a", opinionId: "o1", kind: "AGREE" },
      { participantId: "a", opinionId: "o1", kind: "DISAGREE" },
    ]);
    expect(votes.get("a")!.get("o1")).toBe(-1);
  });
});

describe("principal components", () => {
  it("match ml-pca's SVD on a vote matrix (scores up to sign, explained variance)", () => {
    const { reactions } = camps(3, 12, 4);
    const matrix = buildVoteMatrix(latestReactions(reactions), 3);
    const dense = matrix.columns.map((cols, p) => {
      const row = new Array<number>(matrix.opinions.length).fill(0);
      cols.forEach((c, j) => (row[c] = matrix.values[p]![j]!));
      return row;
    });
    const reference = new PCA(dense, { center: true, scale: false });
    const expected = reference.predict(dense, { nComponents: 2 });
    const ours = principalComponents(matrix);
    const variance = reference.getExplainedVariance();
    expect(ours.explained[0]).toBeCloseTo(variance[0]!, 6);
    expect(ours.explained[1]).toBeCloseTo(variance[1]!, 6);
    for (const c of [0, 1]) {
      const sign = Math.sign(expected.get(0, c)) * Math.sign(ours.scores[0]![c]!);
      ours.scores.forEach((s, p) => expect(s[c]! * sign).toBeCloseTo(expected.get(p, c), 5));
    }
  });
});

describe("Polis statistics", () => {
  it("scores shares against one half and groups against the rest, with add-one smoothing", () => {
    expect(proportionTest(4, 9)).toBeCloseTo(0, 10); // (4 + 1) / (9 + 1) is one half
    expect(proportionTest(4, 8)).toBeCloseTo(2 * 3 * (5 / 9 - 0.5), 10);
    expect(proportionTest(9, 10)).toBeGreaterThan(2);
    expect(proportionTest(1, 10)).toBeLessThan(-2);
    expect(twoProportionTest(9, 10, 1, 10)).toBeGreaterThan(3);
    expect(twoProportionTest(5, 10, 5, 10)).toBeCloseTo(0, 10);
  });

  it("calls an opinion representative only when the group stands apart significantly", () => {
    expect(representativeness({ agree: 18, disagree: 2 }, { agree: 5, disagree: 35 })).toMatchObject({ direction: "agree" });
    expect(representativeness({ agree: 2, disagree: 18 }, { agree: 30, disagree: 10 })).toMatchObject({ direction: "disagree" });
    expect(representativeness({ agree: 10, disagree: 10 }, { agree: 20, disagree: 20 })).toBeNull();
    expect(representativeness({ agree: 2, disagree: 0 }, { agree: 1, disagree: 1 })).toBeNull();
  });
});
