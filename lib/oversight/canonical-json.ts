import { createHash } from "node:crypto";

/** JSON with object keys sorted at every depth, so equal data always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === "bigint") return v.toString();
    if (v && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)));
    }
    return v;
  });
}

export const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

export const digest = (value: unknown) => (value === undefined || value === null ? null : sha256(canonicalJson(value)));
