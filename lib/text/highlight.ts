// Why a search result matched: the words found, marked in the text as it was written. Search compares
// keys without diacritics or case (./search-key.ts: "tai dinh cu" finds "tái định cư"), so the places
// found in the key are mapped back to the original letters, accents and all.
import { toSearchKey } from "./search-key";

export type TextPart = { text: string; hit: boolean };

/** The search key of `text`, with the index in `text` of each key character. */
function keyWithMap(text: string): { key: string; map: number[] } {
  let key = "";
  const map: number[] = [];
  for (let i = 0; i < text.length; ) {
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    // Runs of white space are one space in the key, as in toSearchKey; leading space is dropped.
    const k = /\s/.test(ch) ? (key === "" || key.endsWith(" ") ? "" : " ") : toSearchKey(ch);
    for (const c of k) {
      key += c;
      map.push(i);
    }
    i += ch.length;
  }
  return { key, map };
}

/** Where `query` occurs in `text` (start and end indices in `text`), diacritics and case ignored. */
export function findMatches(text: string, query: string): [number, number][] {
  const q = toSearchKey(query);
  if (!q) return [];
  const { key, map } = keyWithMap(text);
  const found: [number, number][] = [];
  for (let at = key.indexOf(q); at !== -1; at = key.indexOf(q, at + q.length)) {
    const last = map[at + q.length - 1]!;
    let end = last + String.fromCodePoint(text.codePointAt(last)!).length;
    // Text stored decomposed keeps its marks after the letter: they belong to the match.
    while (end < text.length && /\p{M}/u.test(text[end]!)) end += 1;
    found.push([map[at]!, end]);
  }
  return found;
}

/** `text` cut into parts, the matches of `query` marked. */
export function highlight(text: string, query: string): TextPart[] {
  return splitAt(text, findMatches(text, query));
}

function splitAt(text: string, matches: [number, number][]): TextPart[] {
  const parts: TextPart[] = [];
  let cursor = 0;
  for (const [start, end] of matches) {
    if (start > cursor) parts.push({ text: text.slice(cursor, start), hit: false });
    parts.push({ text: text.slice(start, end), hit: true });
    cursor = end;
  }
  if (cursor < text.length) parts.push({ text: text.slice(cursor), hit: false });
  return parts;
}

/**
 * A short passage of the first text where `query` occurs, about `radius` characters either side of the
 * first match, cut at spaces and marked "…" where cut; null when no text contains it.
 */
export function snippet(texts: readonly string[], query: string, radius = 90): TextPart[] | null {
  for (const text of texts) {
    const matches = findMatches(text, query);
    if (matches.length === 0) continue;
    const [first, firstEnd] = matches[0]!;
    let from = Math.max(0, first - radius);
    let to = Math.min(text.length, firstEnd + radius);
    if (from > 0) from = nextSpace(text, from, first);
    if (to < text.length) to = previousSpace(text, to, firstEnd);
    const inside = matches.filter(([s, e]) => s >= from && e <= to).map(([s, e]) => [s - from, e - from] as [number, number]);
    const parts = splitAt(text.slice(from, to).replace(/\s+$/, ""), inside);
    if (from > 0) parts.unshift({ text: "…", hit: false });
    if (to < text.length) parts.push({ text: "…", hit: false });
    return parts;
  }
  return null;
}

function nextSpace(text: string, from: number, limit: number): number {
  const at = text.slice(from, limit).search(/\s/);
  return at === -1 ? from : from + at + 1;
}

function previousSpace(text: string, to: number, limit: number): number {
  const at = text.slice(limit, to).search(/\s\S*$/);
  return at === -1 ? to : limit + at;
}
