// How numbers are read aloud in Vietnamese, to estimate how long a loudspeaker text takes: "2026" is
// one written word but seven spoken ones ("hai nghìn không trăm hai mươi sáu").
const DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];
const SCALES = ["", "nghìn", "triệu", "tỷ"];

function readGroup(n: number, isLeading: boolean): string[] {
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  const words: string[] = [];
  if (!isLeading || h > 0) words.push(DIGITS[h]!, "trăm");
  if (t === 0) {
    if (u > 0 && words.length > 0) words.push("linh");
  } else if (t === 1) words.push("mười");
  else words.push(DIGITS[t]!, "mươi");
  if (u > 0) words.push(u === 1 && t >= 2 ? "mốt" : u === 5 && t >= 1 ? "lăm" : DIGITS[u]!);
  return words;
}

/** A whole number in words: 105 → "một trăm linh năm", 2026 → "hai nghìn không trăm hai mươi sáu". */
export function readInteger(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`cannot read ${value}`);
  if (value === 0) return DIGITS[0]!;
  const groups: number[] = [];
  for (let n = value; n > 0; n = Math.floor(n / 1000)) groups.unshift(n % 1000);
  const words: string[] = [];
  groups.forEach((group, i) => {
    if (group === 0) return;
    const scale = groups.length - 1 - i;
    words.push(...readGroup(group, i === 0));
    // Past "tỷ" the scales repeat: a thousand billion is "nghìn tỷ".
    if (scale > 0) words.push(scale >= SCALES.length ? `${SCALES[scale % 3]} tỷ`.trim() : SCALES[scale]!);
  });
  return words.join(" ");
}

const countWords = (s: string) => s.split(/\s+/).filter(Boolean).length;

/**
 * Spoken words (syllables) of one written token. Vietnamese writes "4.800" for four thousand eight
 * hundred and "3,2" for three point two; "70%" is "bảy mươi phần trăm", "1/500" "một phần năm trăm".
 */
export function spokenWordsOf(token: string): number {
  // "ki-lô-mét" is one written token and three spoken syllables.
  if (!/\d/.test(token)) return token.split("-").filter((part) => /\p{L}/u.test(part)).length;
  let count = 0;
  for (const part of token.match(/\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?|\p{L}+|[%/]/gu) ?? []) {
    if (/^\d/.test(part)) {
      const [whole, fraction] = part.split(",");
      const digits = whole!.replace(/\./g, "");
      // Very long digit strings (codes, phone numbers) are read digit by digit.
      count += digits.length > 15 ? digits.length : countWords(readInteger(Number(digits)));
      if (fraction) count += 1 + countWords(readInteger(Number(fraction.slice(0, 15))));
    } else if (part === "%") count += 2;
    else count += 1;
  }
  return Math.max(count, 1);
}

/** Written words (tokens with a letter or digit) and spoken words of a text. */
export function measureText(text: string): { words: number; spokenWords: number } {
  const tokens = text.split(/\s+/).filter((t) => /[\p{L}\d]/u.test(t));
  return { words: tokens.length, spokenWords: tokens.reduce((sum, t) => sum + spokenWordsOf(t), 0) };
}
