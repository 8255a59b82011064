// The columns of the commune's household and resident list, as staff keep it in Excel. Headers are
// recognised in Vietnamese or English, with or without diacritics, in any case and order; a title
// row above the header and columns we do not use are allowed. Documented on the import page, in the
// template and in the README.
import { toSearchKey } from "@/lib/text/search-key";

export type ListColumnKey = "village" | "householdCode" | "address" | "fullName" | "birthYear" | "isRepresentative";

export type ListColumn = {
  key: ListColumnKey;
  /** The header written in the template. */
  header: string;
  required: boolean;
  /** Accepted headers, as search keys (lower case, no diacritics). */
  aliases: string[];
};

export const LIST_COLUMNS: readonly ListColumn[] = [
  { key: "village", header: "Thôn", required: true, aliases: ["thon", "ten thon", "thon to dan pho", "to dan pho", "village"] },
  { key: "householdCode", header: "Mã hộ", required: true, aliases: ["ma ho", "ma so ho", "so ho", "ma ho gia dinh", "household code", "household"] },
  { key: "address", header: "Địa chỉ", required: false, aliases: ["dia chi", "noi o", "address"] },
  { key: "fullName", header: "Họ và tên", required: true, aliases: ["ho va ten", "ho ten", "ho va ten nguoi", "full name", "name"] },
  { key: "birthYear", header: "Năm sinh", required: true, aliases: ["nam sinh", "ngay sinh", "ngay thang nam sinh", "birth year", "year of birth", "date of birth"] },
  {
    key: "isRepresentative",
    header: "Đại diện hộ",
    required: false,
    aliases: ["dai dien ho", "dai dien", "dai dien ho gia dinh", "chu ho", "la dai dien", "representative", "household representative", "is representative"],
  },
];

/** "Đại diện hộ (x)", "HỌ VÀ TÊN:", "Mã_hộ" → the plain search key of the header. */
export function headerKey(text: string): string {
  return toSearchKey(text.replace(/\(.*?\)/g, " "))
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export type HeaderMatch =
  | { ok: true; columns: Partial<Record<ListColumnKey, number>>; ignored: string[] }
  | { ok: false; missing: ListColumnKey[]; duplicate?: ListColumnKey };

/** Maps each known column to its index in the header row. */
export function matchHeaders(row: readonly string[]): HeaderMatch {
  const columns: Partial<Record<ListColumnKey, number>> = {};
  const ignored: string[] = [];
  for (const [index, cell] of row.entries()) {
    const key = headerKey(cell);
    if (!key) continue;
    const column = LIST_COLUMNS.find((c) => c.aliases.includes(key));
    if (!column) {
      ignored.push(cell.trim());
      continue;
    }
    if (columns[column.key] !== undefined) return { ok: false, missing: [], duplicate: column.key };
    columns[column.key] = index;
  }
  const missing = LIST_COLUMNS.filter((c) => c.required && columns[c.key] === undefined).map((c) => c.key);
  return missing.length > 0 ? { ok: false, missing } : { ok: true, columns, ignored };
}

/** Lists often start with a title ("DANH SÁCH HỘ GIA ĐÌNH THÔN …"): the header is the first row, among
 * the first few, that names every required column. */
export function findHeaderRow(rows: readonly (readonly string[])[], lookahead = 10): { index: number; match: HeaderMatch } {
  let best: { index: number; match: HeaderMatch } | undefined;
  for (let i = 0; i < Math.min(rows.length, lookahead); i++) {
    const match = matchHeaders(rows[i]!);
    if (match.ok) return { index: i, match };
    // Remember the row that came closest, to name what is missing.
    if (!best || (!best.match.ok && !match.duplicate && match.missing.length < best.match.missing.length)) best = { index: i, match };
  }
  return best ?? { index: 0, match: { ok: false, missing: LIST_COLUMNS.filter((c) => c.required).map((c) => c.key) } };
}
