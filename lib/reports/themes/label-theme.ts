// A theme's label is made of phrases a person would write, not of bare terms: the distinctive terms
// of the cluster are grown into the longest run of content syllables that its opinions use nearly as
// often ("giải phóng" → "giải phóng mặt bằng"), and printed the way most of them write it, so that
// place names keep their capitals ("Bàu Sen").
import type { Token } from "./tokenize";

export type WeightedText = { text: string; weight: number };

const MAX_PHRASE_SYLLABLES = 4;
/** A longer phrase replaces a term when it covers at least this share of the term's uses. */
const GROW_SHARE = 0.6;

type NGramStats = { count: number; length: number; surfaces: Map<string, number> };

/** Counts every run of 1–4 content syllables in the members' phrases, with its written forms. */
function countNGrams(members: Token[][][]): Map<string, NGramStats> {
  const grams = new Map<string, NGramStats>();
  for (const phrases of members) {
    const seen = new Set<string>();
    for (const phrase of phrases) {
      for (let i = 0; i < phrase.length; i++) {
        if (!phrase[i]!.isContent) continue;
        let key = "";
        let surface = "";
        for (let len = 1; len <= MAX_PHRASE_SYLLABLES && i + len <= phrase.length; len++) {
          const token = phrase[i + len - 1]!;
          if (!token.isContent) break;
          key = len === 1 ? token.term : `${key} ${token.term}`;
          surface = len === 1 ? token.surface : `${surface} ${token.surface}`;
          let stats = grams.get(key);
          if (!stats) grams.set(key, (stats = { count: 0, length: len, surfaces: new Map() }));
          // Counted once per opinion: one long opinion must not make a phrase.
          if (!seen.has(key)) {
            stats.count++;
            seen.add(key);
          }
          // The first word of a phrase is often capitalised only because a sentence starts there.
          stats.surfaces.set(surface, (stats.surfaces.get(surface) ?? 0) + (i === 0 ? 0.1 : 1));
        }
      }
    }
  }
  return grams;
}

/** The usual written form: capitals where most writers use them, lower case otherwise. */
function usualSurface(key: string, stats: NGramStats): string {
  let best = key;
  let bestCount = 0;
  for (const [surface, count] of stats.surfaces) {
    if (count > bestCount || (count === bestCount && surface.toLowerCase() === surface)) {
      best = surface;
      bestCount = count;
    }
  }
  // A phrase that starts a sentence is capitalised by accident; a name is capitalised everywhere.
  const words = best.split(" ");
  const isName = words.every((w) => w[0] !== w[0]!.toLowerCase());
  return isName ? best : best.toLowerCase();
}

const overlaps = (a: string, b: string) => ` ${a} `.includes(` ${b} `) || ` ${b} `.includes(` ${a} `);

/** Up to `count` phrases for a theme, most distinctive first. */
export function labelPhrases(topTerms: WeightedText[], members: Token[][][], count = 5): WeightedText[] {
  const grams = countNGrams(members);
  const phrases: WeightedText[] = [];
  const chosenKeys: string[] = [];
  for (const { text: term, weight } of topTerms) {
    const stats = grams.get(term);
    if (!stats) continue;
    // Grow the term into the longest phrase containing it that most of its uses belong to.
    let key = term;
    let keyLength = stats.length;
    let keyCount = stats.count;
    const padded = ` ${term} `;
    for (const [candidate, candidateStats] of grams) {
      const length = candidateStats.length;
      if (length < keyLength || (length === keyLength && candidateStats.count <= keyCount)) continue;
      if (candidateStats.count < GROW_SHARE * stats.count || !` ${candidate} `.includes(padded)) continue;
      [key, keyLength, keyCount] = [candidate, length, candidateStats.count];
    }
    if (chosenKeys.some((k) => overlaps(k, key))) continue;
    chosenKeys.push(key);
    phrases.push({ text: usualSurface(key, grams.get(key)!), weight });
    if (phrases.length === count) break;
  }
  return phrases;
}

export const LABEL_SEPARATOR = " · ";
export const LABEL_PHRASES = 3;

export const labelFrom = (phrases: WeightedText[]) =>
  phrases
    .slice(0, LABEL_PHRASES)
    .map((p) => p.text)
    .join(LABEL_SEPARATOR);
