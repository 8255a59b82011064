// TF-IDF vectors of opinions, stored compressed by row (CSR) so that 50,000 opinions of thirty words
// take a few megabytes and a dot product costs only the terms an opinion has. This is the hot path of
// theme clustering: words are interned to integer syllable ids once, and terms (syllables and pairs)
// are integer keys, so no string is built per token.
import { accentMapFrom, isContentTerm, isUnaccented, memoize, prepareText, STOP_PHRASES, scanWords, type Token, termOfWord, tokenize } from "./tokenize";

export type Corpus = {
  /** Row i holds the entries rowStart[i] … rowStart[i+1]-1 of termIndex and weight. */
  rowStart: Int32Array;
  termIndex: Int32Array;
  weight: Float64Array;
  /** The term of each column. */
  vocabulary: string[];
  /** Rows with enough content to cluster; the others go to the "other" theme. */
  isClusterable: Uint8Array;
  /** The tokens of text i, read the way the vectors were (for labels). */
  readTokens: (i: number) => Token[][];
};

export type VectorizeOptions = {
  /** An opinion needs this many distinct content syllables to be clustered. */
  minContentSyllables: number;
  /** Terms in fewer opinions than this are noise (typos, names of one person). */
  minDocumentFrequency: number;
  /** Terms in more than this share of opinions say nothing about any one theme. */
  maxDocumentShare: number;
};

/** Pairs are keyed (first + 1) · 2²¹ + second; single syllables by their id. */
const PAIR = 2 ** 21;

class Syllables {
  readonly terms: string[] = [];
  readonly isContent: boolean[] = [];
  readonly counts: number[] = [];
  private readonly byTerm = new Map<string, number>();

  idOf(term: string): number {
    let id = this.byTerm.get(term);
    if (id === undefined) {
      id = this.terms.length;
      if (id >= PAIR) throw new RangeError("Too many distinct syllables");
      this.byTerm.set(term, id);
      this.terms.push(term);
      this.isContent.push(isContentTerm(term));
      this.counts.push(0);
    }
    return id;
  }

  /** Stop phrases as syllable ids, by their first syllable, longest first. */
  stopPhrases(): Map<number, number[][]> {
    const byFirst = new Map<number, number[][]>();
    for (const phrase of STOP_PHRASES) {
      const ids = phrase.map((t) => this.idOf(t));
      byFirst.set(ids[0]!, [...(byFirst.get(ids[0]!) ?? []), ids].sort((a, b) => b.length - a.length));
    }
    return byFirst;
  }
}

/** A word-to-syllable reader, remembered per distinct word. */
function wordReader(syllables: Syllables, termOf: (word: string) => string) {
  const cache = new Map<string, number>();
  return (word: string) => {
    let id = cache.get(word);
    if (id === undefined) cache.set(word, (id = syllables.idOf(termOf(word))));
    return id;
  };
}

export function vectorize(texts: string[], options: VectorizeOptions): Corpus {
  const n = texts.length;
  const normalized = texts.map(prepareText);
  const isPlain = normalized.map(isUnaccented);
  const syllables = new Syllables();
  const stopPhrases = syllables.stopPhrases();

  const termKeys: number[] = [];
  const termOfKey = new Map<number, number>();
  const docTerms: (Int32Array | null)[] = new Array(n).fill(null);
  const isClusterable = new Uint8Array(n);
  let df: number[] = [];
  let seenIn = new Int32Array(0);

  const seq: number[] = [];
  const flags: boolean[] = [];
  const terms: number[] = [];

  const readDoc = (i: number, readWord: (w: string) => number) => {
    seq.length = 0;
    scanWords(normalized[i]!, (w) => seq.push(readWord(w)), () => seq.push(-1));
    flags.length = seq.length;
    for (let j = 0; j < seq.length; j++) {
      const id = seq[j]!;
      flags[j] = id >= 0 && syllables.isContent[id]!;
      if (id >= 0) syllables.counts[id]!++;
    }
    for (let j = 0; j < seq.length; j++) {
      const candidates = seq[j]! >= 0 ? stopPhrases.get(seq[j]!) : undefined;
      const match = candidates?.find((p) => p.every((id, k) => seq[j + k] === id));
      if (!match) continue;
      for (let k = 0; k < match.length; k++) flags[j + k] = false;
      j += match.length - 1;
    }
    if (seenIn.length < syllables.terms.length) seenIn = Int32Array.from({ length: syllables.terms.length * 2 }, () => -1);
    let distinct = 0;
    terms.length = 0;
    for (let j = 0; j < seq.length; j++) {
      if (!flags[j]) continue;
      const id = seq[j]!;
      if (seenIn[id] !== i) {
        seenIn[id] = i;
        distinct++;
      }
      terms.push(id);
      if (flags[j + 1]) terms.push((id + 1) * PAIR + seq[j + 1]!);
    }
    if (distinct < options.minContentSyllables) return;
    isClusterable[i] = 1;
    const row = new Int32Array(terms.length);
    for (let j = 0; j < terms.length; j++) {
      let termId = termOfKey.get(terms[j]!);
      if (termId === undefined) {
        termId = termKeys.length;
        termOfKey.set(terms[j]!, termId);
        termKeys.push(terms[j]!);
        df.push(0);
      }
      row[j] = termId;
    }
    row.sort();
    for (let j = 0; j < row.length; j++) if (j === 0 || row[j] !== row[j - 1]) df[row[j]!]!++;
    docTerms[i] = row;
  };

  const readAccented = wordReader(syllables, termOfWord);
  for (let i = 0; i < n; i++) if (!isPlain[i]) readDoc(i, readAccented);
  // Texts typed without diacritics are read with the accents the others use most.
  let readPlainTerm = termOfWord;
  if (isPlain.includes(true)) {
    const accentMap = accentMapFrom(new Map(syllables.terms.map((t, id) => [t, syllables.counts[id]!])));
    readPlainTerm = (word) => {
      const term = termOfWord(word);
      return accentMap.get(term) ?? term;
    };
    const readPlain = wordReader(syllables, readPlainTerm);
    for (let i = 0; i < n; i++) if (isPlain[i]) readDoc(i, readPlain);
  }

  // Keep the terms that can tell themes apart. Columns follow term ids, so rows stay sorted.
  const documents = isClusterable.reduce((sum, v) => sum + v, 0);
  const maxDf = Math.max(options.minDocumentFrequency, Math.floor(options.maxDocumentShare * documents));
  const column = new Int32Array(termKeys.length).fill(-1);
  const vocabulary: string[] = [];
  const idf: number[] = [];
  df.forEach((f, termId) => {
    if (f < options.minDocumentFrequency || f > maxDf) return;
    column[termId] = vocabulary.length;
    const key = termKeys[termId]!;
    vocabulary.push(key < PAIR ? syllables.terms[key]! : `${syllables.terms[Math.floor(key / PAIR) - 1]} ${syllables.terms[key % PAIR]}`);
    idf.push(Math.log((documents + 1) / (f + 1)) + 1);
  });
  df = [];

  const rowStart = new Int32Array(n + 1);
  const termIndex: number[] = [];
  const weight: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = docTerms[i];
    const start = termIndex.length;
    for (let j = 0; row && j < row.length; ) {
      let end = j;
      while (end < row.length && row[end] === row[j]) end++;
      const col = column[row[j]!]!;
      // Sub-linear term frequency: an opinion repeating a word is not about it ten times more.
      if (col >= 0) {
        termIndex.push(col);
        weight.push((1 + Math.log(end - j)) * idf[col]!);
      }
      j = end;
    }
    let norm = 0;
    for (let k = start; k < weight.length; k++) norm += weight[k]! ** 2;
    norm = Math.sqrt(norm);
    for (let k = start; k < weight.length; k++) weight[k] = weight[k]! / norm;
    // Everything pruned away: nothing left to cluster on.
    if (weight.length === start) isClusterable[i] = 0;
    rowStart[i + 1] = termIndex.length;
  }

  const accentedTerm = memoize(termOfWord);
  const plainTerm = memoize(readPlainTerm);
  return {
    rowStart,
    termIndex: Int32Array.from(termIndex),
    weight: Float64Array.from(weight),
    vocabulary,
    isClusterable,
    readTokens: (i) => tokenize(normalized[i]!, isPlain[i] ? plainTerm : accentedTerm),
  };
}
