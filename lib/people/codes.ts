// Codes people type: six-digit one-time codes sent by text message, and the short invitation codes a
// village head hands out on paper. Only keyed hashes are stored (HMAC with the server secret), so a
// copy of the database does not reveal a code, and a code is useless outside its phone or commune.
import { createHmac, randomInt, timingSafeEqual } from "node:crypto";

// Unambiguous on paper and over the phone: no 0/O, 1/I/L.
const INVITE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const INVITE_LENGTH = 8;

export function generateNumericCode(digits = 6): string {
  return String(randomInt(0, 10 ** digits)).padStart(digits, "0");
}

/** "K7MQ-X9PD": 31⁸ ≈ 8.5 × 10¹¹ possibilities, printed in two groups of four. */
export function generateInviteCode(): string {
  const chars = Array.from({ length: INVITE_LENGTH }, () => INVITE_ALPHABET[randomInt(0, INVITE_ALPHABET.length)]);
  return `${chars.slice(0, 4).join("")}-${chars.slice(4).join("")}`;
}

/** What a person typed ("k7mq x9pd", "K7MQ-X9PD") → "K7MQX9PD". */
export const normalizeInviteCode = (typed: string) => typed.toUpperCase().replace(/[^A-Z0-9]/g, "");

export function hashCode(secret: string, ...parts: string[]): string {
  return createHmac("sha256", secret).update(parts.join("\n")).digest("hex");
}

export function isSameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && timingSafeEqual(x, y);
}
