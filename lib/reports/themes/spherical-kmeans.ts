// Spherical k-means (cosine similarity) over sparse TF-IDF rows, written here rather than taken from
// ml-kmeans because that library works on dense rows: 50,000 opinions × tens of thousands of terms
// would not fit. Centroids are dense but stored term-major (centroid[t * k + c]) so that scoring one
// opinion against every centroid walks memory in order. Seeding is k-means++ with a seeded generator:
// the same rows give the same clusters every time.
import type { Corpus } from "./vectorize";

export type Clustering = {
  k: number;
  /** Cluster of each row listed in `rows`, same order. */
  assignment: Int32Array;
  /** Similarity of each row to its own centroid, and to the nearest other one. */
  ownSimilarity: Float64Array;
  nextSimilarity: Float64Array;
  /** Dense, term-major, each centroid of unit length. */
  centroids: Float64Array;
  iterations: number;
};

type Rows = { corpus: Corpus; rows: Int32Array };

function scoreRow({ corpus }: Rows, row: number, centroids: Float64Array, k: number, scores: Float64Array) {
  scores.fill(0);
  const { rowStart, termIndex, weight } = corpus;
  for (let j = rowStart[row]!; j < rowStart[row + 1]!; j++) {
    const base = termIndex[j]! * k;
    const w = weight[j]!;
    for (let c = 0; c < k; c++) scores[c]! += w * centroids[base + c]!;
  }
}

/** k-means++: each next seed is drawn with probability proportional to its squared distance. */
function seedCentroids(data: Rows, k: number, random: () => number): Float64Array {
  const { corpus, rows } = data;
  const v = corpus.vocabulary.length;
  const centroids = new Float64Array(v * k);
  const nearest = new Float64Array(rows.length).fill(Number.POSITIVE_INFINITY);
  const dense = new Float64Array(v);
  let seed = Math.floor(random() * rows.length);
  for (let c = 0; c < k; c++) {
    const row = rows[seed]!;
    dense.fill(0);
    for (let j = corpus.rowStart[row]!; j < corpus.rowStart[row + 1]!; j++) {
      dense[corpus.termIndex[j]!] = corpus.weight[j]!;
      centroids[corpus.termIndex[j]! * k + c] = corpus.weight[j]!;
    }
    let total = 0;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      let dot = 0;
      for (let j = corpus.rowStart[r]!; j < corpus.rowStart[r + 1]!; j++) dot += corpus.weight[j]! * dense[corpus.termIndex[j]!]!;
      const distance = Math.max(0, 1 - dot);
      if (distance * distance < nearest[i]!) nearest[i] = distance * distance;
      total += nearest[i]!;
    }
    if (c === k - 1) break;
    if (total === 0) {
      seed = (seed + 1) % rows.length; // every row sits on a seed already: any row will do
      continue;
    }
    let target = random() * total;
    seed = rows.length - 1;
    for (let i = 0; i < rows.length; i++) {
      target -= nearest[i]!;
      if (target <= 0) {
        seed = i;
        break;
      }
    }
  }
  return centroids;
}

/** Assigns every row to its most similar centroid; returns how many rows changed cluster. */
function assign(data: Rows, centroids: Float64Array, k: number, result: Clustering): number {
  const scores = new Float64Array(k);
  let changed = 0;
  for (let i = 0; i < data.rows.length; i++) {
    scoreRow(data, data.rows[i]!, centroids, k, scores);
    let best = 0;
    let next = -1;
    for (let c = 1; c < k; c++) {
      if (scores[c]! > scores[best]!) {
        next = best;
        best = c;
      } else if (next < 0 || scores[c]! > scores[next]!) next = c;
    }
    if (result.assignment[i] !== best) changed++;
    result.assignment[i] = best;
    result.ownSimilarity[i] = scores[best]!;
    result.nextSimilarity[i] = next < 0 ? 0 : scores[next]!;
  }
  return changed;
}

/** Centroids as the normalised sums of their rows; an empty cluster takes the worst-placed row. */
function update(data: Rows, k: number, result: Clustering): Float64Array {
  const { corpus, rows } = data;
  const centroids = new Float64Array(corpus.vocabulary.length * k);
  const sizes = new Int32Array(k);
  for (let i = 0; i < rows.length; i++) {
    const c = result.assignment[i]!;
    sizes[c]! += 1;
    for (let j = corpus.rowStart[rows[i]!]!; j < corpus.rowStart[rows[i]! + 1]!; j++) centroids[corpus.termIndex[j]! * k + c]! += corpus.weight[j]!;
  }
  for (let c = 0; c < k; c++) {
    if (sizes[c]! > 0) continue;
    let worst = 0;
    for (let i = 1; i < rows.length; i++) if (result.ownSimilarity[i]! < result.ownSimilarity[worst]!) worst = i;
    result.ownSimilarity[worst] = Number.POSITIVE_INFINITY; // not chosen twice
    for (let j = corpus.rowStart[rows[worst]!]!; j < corpus.rowStart[rows[worst]! + 1]!; j++) centroids[corpus.termIndex[j]! * k + c] = corpus.weight[j]!;
  }
  const norms = new Float64Array(k);
  for (let t = 0; t < centroids.length; t++) norms[t % k]! += centroids[t]! ** 2;
  for (let t = 0; t < centroids.length; t++) {
    const norm = Math.sqrt(norms[t % k]!);
    if (norm > 0) centroids[t]! /= norm;
  }
  return centroids;
}

export type KMeansOptions = {
  random?: () => number;
  /** Start from these centroids instead of k-means++ seeds (to refine a sample's result on all rows). */
  initial?: Float64Array;
  maxIterations?: number;
  /** Stop once fewer than this share of rows change cluster in an iteration. */
  tolerance?: number;
};

export function sphericalKMeans(corpus: Corpus, rows: Int32Array, k: number, options: KMeansOptions): Clustering {
  const data = { corpus, rows };
  let centroids = options.initial ?? seedCentroids(data, k, options.random ?? Math.random);
  const result: Clustering = {
    k,
    assignment: new Int32Array(rows.length).fill(-1),
    ownSimilarity: new Float64Array(rows.length),
    nextSimilarity: new Float64Array(rows.length),
    centroids,
    iterations: 0,
  };
  const maxIterations = options.maxIterations ?? 30;
  const stopBelow = (options.tolerance ?? 0) * rows.length;
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const changed = assign(data, centroids, k, result);
    result.iterations = iteration;
    if (changed <= stopBelow || iteration === maxIterations) break;
    centroids = update(data, k, result);
    result.centroids = centroids;
  }
  return result;
}

/**
 * The simplified silhouette (Hruschka et al.): distances to centroids rather than to every other
 * row, so that it costs O(n·k) and can judge k on tens of thousands of opinions.
 */
export function simplifiedSilhouette(clustering: Clustering): number {
  const n = clustering.assignment.length;
  if (n === 0 || clustering.k < 2) return 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const a = 1 - clustering.ownSimilarity[i]!;
    const b = 1 - clustering.nextSimilarity[i]!;
    const spread = Math.max(a, b);
    sum += spread > 0 ? (b - a) / spread : 0;
  }
  return sum / n;
}
