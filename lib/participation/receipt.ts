// Receipt codes: what a voter writes down to check later that their vote was counted. 60 random bits
// (12 characters of Crockford's base32, no I, L, O or U to misread), shown in three groups of four:
// "7KQ2-M9XD-4TWR". Unguessable (2^60 codes; checks are rate-limited), short enough for a notebook.
import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const LENGTH = 12;

export const RECEIPT_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

export function generateReceiptCode(): string {
  const bytes = randomBytes(8); // 64 bits; 5 bits per character, 60 used
  let value = bytes.readBigUInt64BE();
  let code = "";
  for (let i = 0; i < LENGTH; i++) {
    code += ALPHABET[Number(value & 31n)];
    value >>= 5n;
  }
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/**
 * What a person typed, as a stored code: case, spaces and dashes do not matter, and the letters
 * people confuse with digits read as those digits (O → 0, I and L → 1). Null when it cannot be a code.
 */
export function normaliseReceiptCode(typed: string): string | null {
  const plain = typed
    .toUpperCase()
    .replace(/[\s\-–.]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  if (plain.length !== LENGTH || [...plain].some((c) => !ALPHABET.includes(c))) return null;
  return `${plain.slice(0, 4)}-${plain.slice(4, 8)}-${plain.slice(8)}`;
}
