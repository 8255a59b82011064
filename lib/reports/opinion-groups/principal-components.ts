// The first two principal components of the (column-centred) vote matrix, by iterating on the
// sparse matrix as Polis itself does (here two vectors at once, see leadingPlane). ml-pca was the first
// choice, but its NIPALS (via ml-matrix) transposes the whole matrix on every iteration and iterates
// to 1e-10: 3.4 s for 2,000 participants × 500 opinions on our 2 cores, against a budget well under
// 1 s; a full SVD is slower still. Here an iteration costs four passes over the reactions (about a
// hundred thousand), so the whole takes tens of milliseconds. The tests check the result against
// ml-pca's SVD on a smaller matrix.
import type { VoteMatrix } from "./build-matrix";

export type Components = {
  /** Each participant's coordinates on the two components. */
  scores: [number, number][];
  /** The two unit directions in opinion space. */
  directions: [Float64Array, Float64Array];
  /** Share of the total variance each component explains. */
  explained: [number, number];
};

const MAX_ITERATIONS = 500;
const TOLERANCE = 1e-13;

/** y = Xc·v, with Xc the column-centred matrix: X·v minus the mean row's product with v. */
function multiply(m: VoteMatrix, means: Float64Array, v: Float64Array, out: Float64Array) {
  let shift = 0;
  for (let c = 0; c < v.length; c++) shift += means[c]! * v[c]!;
  for (let p = 0; p < m.columns.length; p++) {
    const cols = m.columns[p]!;
    const vals = m.values[p]!;
    let sum = 0;
    for (let j = 0; j < cols.length; j++) sum += vals[j]! * v[cols[j]!]!;
    out[p] = sum - shift;
  }
}

/** v = Xcᵀ·u */
function multiplyTransposed(m: VoteMatrix, means: Float64Array, u: Float64Array, out: Float64Array) {
  out.fill(0);
  let total = 0;
  for (let p = 0; p < m.columns.length; p++) {
    const cols = m.columns[p]!;
    const vals = m.values[p]!;
    const up = u[p]!;
    total += up;
    for (let j = 0; j < cols.length; j++) out[cols[j]!]! += vals[j]! * up;
  }
  for (let c = 0; c < out.length; c++) out[c]! -= means[c]! * total;
}

const dot = (a: Float64Array, b: Float64Array) => a.reduce((sum, x, i) => sum + x * b[i]!, 0);

function normalize(v: Float64Array): number {
  const norm = Math.sqrt(dot(v, v));
  if (norm > 0) for (let i = 0; i < v.length; i++) v[i]! /= norm;
  return norm;
}

/** Makes b orthogonal to a (unit) and of unit length; returns its length before. */
function orthonormalize(a: Float64Array, b: Float64Array): number {
  const d = dot(a, b);
  for (let c = 0; c < b.length; c++) b[c]! -= d * a[c]!;
  return normalize(b);
}

/**
 * Subspace iteration for the two leading directions of XcᵀXc at once: it converges at the rate of the
 * third eigenvalue to the second, even when the first two are equal (three groups of the same size
 * make them so, and plain power iteration for one vector then wanders without end).
 */
function leadingPlane(m: VoteMatrix, means: Float64Array): [Float64Array, Float64Array] {
  const columns = means.length;
  // A fixed, uneven start: never orthogonal to the answer by accident, the same on every run.
  let v1 = Float64Array.from({ length: columns }, (_, c) => 1 + ((c * 7919) % 101) / 101);
  let v2 = Float64Array.from({ length: columns }, (_, c) => 1 + ((c * 104729) % 97) / 97 - (c % 2));
  normalize(v1);
  orthonormalize(v1, v2);
  const u = new Float64Array(m.columns.length);
  let w1 = new Float64Array(columns);
  let w2 = new Float64Array(columns);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    multiply(m, means, v1, u);
    multiplyTransposed(m, means, u, w1);
    multiply(m, means, v2, u);
    multiplyTransposed(m, means, u, w2);
    if (normalize(w1) === 0 || orthonormalize(w1, w2) === 0) break;
    // How far the new plane is from the old: 2 − Σ (wᵢ·vⱼ)², zero when they span the same plane.
    const change = 2 - (dot(w1, v1) ** 2 + dot(w1, v2) ** 2 + dot(w2, v1) ** 2 + dot(w2, v2) ** 2);
    [v1, w1] = [w1, v1];
    [v2, w2] = [w2, v2];
    if (change < TOLERANCE) break;
  }
  return [v1, v2];
}

/** Turns an orthonormal basis of the plane into the principal axes within it (2 × 2 eigenproblem). */
function principalAxes(m: VoteMatrix, means: Float64Array, [v1, v2]: [Float64Array, Float64Array]) {
  const rows = m.columns.length;
  const u1 = new Float64Array(rows);
  const u2 = new Float64Array(rows);
  multiply(m, means, v1, u1);
  multiply(m, means, v2, u2);
  const [a, b, d] = [dot(u1, u1), dot(u1, u2), dot(u2, u2)];
  const angle = 0.5 * Math.atan2(2 * b, a - d);
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const rotate = (x: Float64Array, y: Float64Array): [Float64Array, Float64Array] => [
    x.map((xi, i) => cos * xi + sin * y[i]!),
    x.map((xi, i) => -sin * xi + cos * y[i]!),
  ];
  const [d1, d2] = rotate(v1, v2);
  const [s1, s2] = rotate(u1, u2);
  // The sign of a component is arbitrary: make its largest loading positive, so pictures never flip.
  for (const [direction, score] of [[d1, s1], [d2, s2]] as const) {
    const strongest = direction.reduce((best, x) => (Math.abs(x) > Math.abs(best) ? x : best), 0);
    if (strongest < 0) {
      for (let c = 0; c < direction.length; c++) direction[c]! *= -1;
      for (let p = 0; p < score.length; p++) score[p]! *= -1;
    }
  }
  return { directions: [d1, d2] as [Float64Array, Float64Array], scores: [s1, s2] as const };
}

export function principalComponents(m: VoteMatrix): Components {
  const rows = m.columns.length;
  const columns = m.opinions.length;
  const means = new Float64Array(columns);
  let sumOfSquares = 0;
  for (let p = 0; p < rows; p++) {
    const cols = m.columns[p]!;
    for (let j = 0; j < cols.length; j++) {
      means[cols[j]!]! += m.values[p]![j]!;
      sumOfSquares += 1; // every entry is ±1
    }
  }
  for (let c = 0; c < columns; c++) means[c]! /= rows;
  // Total variance of the centred matrix: Σx² − n·Σμ².
  const totalVariance = sumOfSquares - rows * dot(means, means);

  const { directions, scores } = principalAxes(m, means, leadingPlane(m, means));
  const [u1, u2] = scores;
  const share = (u: Float64Array) => (totalVariance > 0 ? dot(u, u) / totalVariance : 0);
  return {
    scores: Array.from({ length: rows }, (_, p) => [u1[p]!, u2[p]!]),
    directions,
    explained: [share(u1), share(u2)],
  };
}
