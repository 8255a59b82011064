// Vietnamese text to terms. Vietnamese writes one syllable per space-separated token and most words
// are two syllables ("giao thông", "thoát nước"), so the terms are the content syllables and every
// pair of adjacent content syllables inside a phrase: "đường giao thông" gives "đường", "giao",
// "thông", "đường giao", "giao thông". Punctuation ends a phrase; stop words and numbers break pairs.
//
// Diacritics carry meaning ("bàn", "bán" and "bạn" are three words) and are kept. Matching is made
// robust in three ways: text is NFC-normalised (phones send decomposed accents too); the two tone
// placements in use for oa/oe/uy ("hoà"/"hòa", "thuỷ"/"thủy") are brought to one; and an opinion typed
// without any diacritics ("duong bi ngap") has its syllables read as the accented form the other
// opinions use most ("đường bị ngập"), see accentMapFrom.
import { toSearchKey } from "@/lib/text/search-key";

import stopwordData from "./stopwords-vi.json";

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/;

/**
 * Puts the tone of a final "oa", "oe" or "uy" on its first vowel ("hoà" → "hòa", "khoẻ" → "khỏe",
 * "thuỷ" → "thủy"), the placement of official documents ("CỘNG HÒA"). "qu" is a consonant, so "quý"
 * is left alone, and so are syllables with a final consonant ("hoàng").
 */
export function canonicalTone(syllable: string): string {
  const decomposed = syllable.normalize("NFD");
  const tone = decomposed.match(TONE_MARKS)?.[0];
  if (!tone) return syllable;
  const base = decomposed.replace(TONE_MARKS, "");
  const match = /(^|[^q])(o[ae]|uy)$/.exec(base);
  if (!match) return syllable;
  const pair = match[2]!;
  return `${base.slice(0, base.length - 2)}${pair[0]}${tone}${pair[1]}`.normalize("NFC");
}

/** A word as a term: lower case (Vietnamese has no special casing rules), tone placement canonical. */
export const termOfWord = (word: string) => canonicalTone(word.toLowerCase());

/** termOfWord, remembered: a corpus has a few thousand distinct words and millions of tokens. */
export function memoize(termOf: (word: string) => string): (word: string) => string {
  const cache = new Map<string, string>();
  return (word) => {
    let term = cache.get(word);
    if (term === undefined) cache.set(word, (term = termOf(word)));
    return term;
  };
}

export const STOPWORDS: ReadonlySet<string> = new Set(stopwordData.words.map((w) => termOfWord(w.normalize("NFC"))));

/** Multi-syllable stop phrases as lists of terms: "có thể" is dropped, "thể thao" kept. */
export const STOP_PHRASES: readonly string[][] = stopwordData.phrases.map((p) => p.normalize("NFC").split(" ").map(termOfWord));

/** The same, by first syllable, longest first. */
const STOP_PHRASES_BY_FIRST = new Map<string, string[][]>();
for (const phrase of STOP_PHRASES) STOP_PHRASES_BY_FIRST.set(phrase[0]!, [...(STOP_PHRASES_BY_FIRST.get(phrase[0]!) ?? []), phrase].sort((a, b) => b.length - a.length));

/** One-letter syllables are vowels ("y tế", "ổ gà", "ô nhiễm"); a lone consonant is a typo or an initial. */
const isSyllable = (term: string) => term.length > 1 || /^[aeiouy]$/.test(toSearchKey(term));
const HAS_LETTER = /\p{L}/u;
const LETTER_OR_MARK = /[\p{L}\p{M}\p{N}]/u;

/** Whether a term can carry a theme: a real syllable with a letter, not a stop word. */
export const isContentTerm = (term: string) => isSyllable(term) && HAS_LETTER.test(term) && !STOPWORDS.has(term);

/** Letters, digits and combining marks. Latin (all Vietnamese needs) is decided by range, fast. */
function isWordChar(code: number): boolean {
  if (code < 0x80) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  if (code === 0xd7 || code === 0xf7) return false; // × and ÷
  if ((code >= 0xc0 && code <= 0x24f) || (code >= 0x300 && code <= 0x36f) || (code >= 0x1e00 && code <= 0x1eff)) return true;
  if (code < 0xc0 || (code >= 0x2000 && code <= 0x2bff)) return false; // spaces, punctuation, symbols
  return LETTER_OR_MARK.test(String.fromCharCode(code));
}

const isSpace = (code: number) => code <= 32 || code === 0xa0 || (code >= 0x2000 && code <= 0x200b) || code === 0x3000;

/**
 * Calls `word` for every word and `boundary` between phrases (at punctuation). The text must be NFC.
 * Written as a loop over character codes: this runs over millions of characters per report.
 */
export function scanWords(text: string, word: (w: string) => void, boundary: () => void) {
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 32;
    if (isWordChar(code)) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) {
      word(text.slice(start, i));
      start = -1;
    }
    if (!isSpace(code)) boundary();
  }
}

export type Token = { term: string; surface: string; isContent: boolean };

/** NFC, with links replaced by a phrase break: "https", "www" and domain names are no theme. */
export const prepareText = (text: string) => text.normalize("NFC").replace(/\b(?:https?:\/\/|www\.)\S*/giu, " | ");

/** Marks the tokens of stop phrases as not content. */
function dropStopPhrases(phrase: Token[]) {
  for (let i = 0; i < phrase.length; i++) {
    const match = STOP_PHRASES_BY_FIRST.get(phrase[i]!.term)?.find((p) => p.every((syllable, k) => phrase[i + k]?.term === syllable));
    if (!match) continue;
    for (let k = 0; k < match.length; k++) phrase[i + k]!.isContent = false;
    i += match.length - 1;
  }
}

/**
 * Splits text into phrases of tokens (lower-cased, tone-canonical) with their surface form. Used for
 * labels, on a few hundred opinions per theme; vectorize.ts has the fast path for whole corpora.
 */
export function tokenize(text: string, termOf: (word: string) => string = termOfWord): Token[][] {
  const phrases: Token[][] = [];
  let phrase: Token[] = [];
  scanWords(
    prepareText(text),
    (surface) => {
      const term = termOf(surface);
      phrase.push({ term, surface, isContent: isContentTerm(term) });
    },
    () => {
      if (phrase.length) phrases.push(phrase);
      phrase = [];
    },
  );
  if (phrase.length) phrases.push(phrase);
  for (const p of phrases) dropStopPhrases(p);
  return phrases;
}

const NON_ASCII = /[^\x00-\x7f]/;

/** True when the text has letters but not one diacritic or non-ASCII letter: typed without accents. */
export const isUnaccented = (text: string) => HAS_LETTER.test(text) && !NON_ASCII.test(text);

/**
 * From the syllable counts of accented opinions: for each diacritic-free key ("duong"), the form
 * written most often ("đường"), when it is written that way at least half the time.
 */
export function accentMapFrom(syllableCounts: Map<string, number>): Map<string, string> {
  const best = new Map<string, { form: string; count: number; total: number }>();
  for (const [form, count] of syllableCounts) {
    const key = toSearchKey(form);
    const entry = best.get(key);
    if (!entry) best.set(key, { form, count, total: count });
    else {
      entry.total += count;
      if (count > entry.count || (count === entry.count && form < entry.form)) Object.assign(entry, { form, count });
    }
  }
  const map = new Map<string, string>();
  for (const [key, { form, count, total }] of best) if (count * 2 >= total && form !== key) map.set(key, form);
  return map;
}
