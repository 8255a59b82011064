// Themes of a consultation's opinions: TF-IDF over Vietnamese syllables and syllable pairs, spherical
// k-means, the number of themes chosen by the simplified silhouette on a sample, then refined on all
// opinions. Deterministic: opinions are ordered by id first and every random choice is seeded, so the
// same opinions give the same themes, every time, in any order.
import { seededRandom, sampleIndices } from "@/lib/reports/seeded-random";

import { labelFrom, labelPhrases } from "./label-theme";
import { OTHER_THEME_ID, type Theme, type ThemeSet, type WeightedTerm } from "./schemas";
import { type Clustering, simplifiedSilhouette, sphericalKMeans } from "./spherical-kmeans";
import { type Corpus, vectorize } from "./vectorize";

export type ThemeOpinion = { id: string; text: string };

export type ClusterThemesOptions = {
  /** At most this many themes (besides "other"). */
  maxThemes?: number;
  seed?: number;
  /** Opinions with fewer distinct content syllables go to "other". */
  minContentSyllables?: number;
  /** Smaller clusters go to "other"; by default 0.3% of the clustered opinions, at least 2. */
  minThemeSize?: number;
  /** How many opinions the number of themes is chosen on. */
  sampleSize?: number;
  otherLabel?: string;
};

const DEFAULTS = { maxThemes: 12, seed: 30, minContentSyllables: 3, sampleSize: 2500, otherLabel: "Ý kiến khác" };
const TOP_TERMS = 10;
const LABEL_SAMPLE = 300;
/** Restarts per k on the sample; the run with the most compact clusters counts. */
const RESTARTS = 2;

function chooseClustering(corpus: Corpus, rows: Int32Array, kMax: number, seed: number): { clustering: Clustering; silhouette: number } {
  let best: { clustering: Clustering; silhouette: number } | null = null;
  for (let k = 2; k <= kMax; k++) {
    let chosen: Clustering | null = null;
    let chosenCohesion = Number.NEGATIVE_INFINITY;
    for (let restart = 0; restart < RESTARTS; restart++) {
      const clustering = sphericalKMeans(corpus, rows, k, { random: seededRandom(seed * 1000 + k * 10 + restart), tolerance: 0.002 });
      const cohesion = clustering.ownSimilarity.reduce((sum, s) => sum + s, 0);
      if (cohesion > chosenCohesion) [chosen, chosenCohesion] = [clustering, cohesion];
    }
    const silhouette = simplifiedSilhouette(chosen!);
    // A larger k must do strictly better: ties go to fewer, broader themes.
    if (!best || silhouette > best.silhouette + 1e-9) best = { clustering: chosen!, silhouette };
  }
  return best!;
}

/** One cluster holding every row: for too few opinions to split. */
function singleCluster(corpus: Corpus, rows: Int32Array): Clustering {
  const centroids = new Float64Array(corpus.vocabulary.length);
  for (const row of rows) for (let j = corpus.rowStart[row]!; j < corpus.rowStart[row + 1]!; j++) centroids[corpus.termIndex[j]!]! += corpus.weight[j]!;
  let norm = 0;
  for (const w of centroids) norm += w * w;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let t = 0; t < centroids.length; t++) centroids[t]! /= norm;
  return sphericalKMeans(corpus, rows, 1, { initial: centroids, maxIterations: 1 });
}

/** Terms weighing more in this centroid than on average in the others. */
function distinctiveTerms(corpus: Corpus, clustering: Clustering, cluster: number): WeightedTerm[] {
  const { k, centroids } = clustering;
  const scored: WeightedTerm[] = [];
  for (let t = 0; t < corpus.vocabulary.length; t++) {
    const own = centroids[t * k + cluster]!;
    if (own <= 0) continue;
    let others = 0;
    for (let c = 0; c < k; c++) if (c !== cluster) others += centroids[t * k + c]!;
    const score = k > 1 ? own - others / (k - 1) : own;
    if (score > 0) scored.push({ text: corpus.vocabulary[t]!, weight: Math.round(score * 1e4) / 1e4 });
  }
  return scored.sort((a, b) => b.weight - a.weight || (a.text < b.text ? -1 : 1)).slice(0, TOP_TERMS);
}

export function clusterThemes(opinions: ThemeOpinion[], options: ClusterThemesOptions = {}): ThemeSet {
  const o = { ...DEFAULTS, ...options };
  const sorted = [...opinions].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const n = sorted.length;
  const corpus = vectorize(
    sorted.map((op) => op.text),
    { minContentSyllables: o.minContentSyllables, minDocumentFrequency: Math.max(2, Math.ceil(0.0005 * n)), maxDocumentShare: 0.5 },
  );
  const clusterable = Array.from(corpus.isClusterable);
  const rows = Int32Array.from(clusterable.flatMap((ok, i) => (ok ? [i] : [])));
  const minThemeSize = o.minThemeSize ?? Math.max(2, Math.ceil(0.003 * rows.length));

  let clustering: Clustering | null = null;
  let silhouette = 0;
  const kMax = Math.min(o.maxThemes, Math.floor(rows.length / minThemeSize), Math.floor(Math.sqrt(rows.length)) + 1);
  if (kMax >= 2) {
    const random = seededRandom(o.seed);
    const sample = rows.length > o.sampleSize ? Int32Array.from(sampleIndices(rows.length, o.sampleSize, random), (i) => rows[i]!) : rows;
    const chosen = chooseClustering(corpus, sample, kMax, o.seed);
    silhouette = chosen.silhouette;
    clustering =
      sample === rows
        ? chosen.clustering
        : sphericalKMeans(corpus, rows, chosen.clustering.k, { initial: chosen.clustering.centroids, maxIterations: 20, tolerance: 0.001 });
  } else if (rows.length >= minThemeSize) {
    clustering = singleCluster(corpus, rows);
  }

  const other: string[] = clusterable.flatMap((ok, i) => (ok ? [] : [sorted[i]!.id]));
  const themes: Omit<Theme, "id">[] = [];
  if (clustering) {
    const members: number[][] = Array.from({ length: clustering.k }, () => []);
    clustering.assignment.forEach((c, i) => members[c]!.push(rows[i]!));
    members.forEach((rowsOfTheme, c) => {
      if (rowsOfTheme.length < minThemeSize) {
        other.push(...rowsOfTheme.map((r) => sorted[r]!.id));
        return;
      }
      const topTerms = distinctiveTerms(corpus, clustering, c);
      const step = Math.max(1, Math.floor(rowsOfTheme.length / LABEL_SAMPLE));
      const phrases = labelPhrases(
        topTerms,
        rowsOfTheme.filter((_, i) => i % step === 0).map((r) => corpus.readTokens(r)),
      );
      const label = labelFrom(phrases) || topTerms.slice(0, 3).map((t) => t.text).join(" · ") || o.otherLabel;
      themes.push({ kind: "theme", label, autoLabel: label, isRenamed: false, phrases, topTerms, opinionIds: rowsOfTheme.map((r) => sorted[r]!.id) });
    });
  }
  themes.sort((a, b) => b.opinionIds.length - a.opinionIds.length || (a.label < b.label ? -1 : 1));

  const result: Theme[] = themes.map((t, i) => ({ id: `t${i + 1}`, ...t }));
  if (other.length) {
    result.push({
      id: OTHER_THEME_ID,
      kind: "other",
      label: o.otherLabel,
      autoLabel: o.otherLabel,
      isRenamed: false,
      phrases: [],
      topTerms: [],
      opinionIds: other.sort(),
    });
  }
  return {
    version: 1,
    method: { opinions: n, clustered: n - other.length, k: themes.length, silhouette: Math.round(silhouette * 1e4) / 1e4, seed: o.seed },
    themes: result,
  };
}
