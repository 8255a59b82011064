// Opinions as CSV for spreadsheets: UTF-8 with a byte-order mark, without which Excel reads
// Vietnamese as mojibake; CRLF line ends; every field quoted where RFC 4180 needs it (csv-stringify).
import { stringify } from "csv-stringify/sync";

import type { Locale } from "@/lib/i18n/routing";

import { type Cell, cellsOf, COLUMNS, exportTexts, formatVnDateTime, type OpinionExportRow } from "./opinion-rows";

const BOM = "\uFEFF";

/**
 * A resident's text that starts like a formula ("=HYPERLINK(…)", "+84…", "-…", "@…") would be run by
 * the spreadsheet that opens the file: such a cell is prefixed with an apostrophe (OWASP, CSV injection).
 */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const toField = (cell: Cell): string | number => {
  if (cell === null) return "";
  if (cell instanceof Date) return formatVnDateTime(cell);
  if (typeof cell === "number") return cell;
  return neutralizeFormula(cell);
};

export function opinionsToCsv(rows: OpinionExportRow[], locale: Locale = "vi"): Buffer {
  const texts = exportTexts(locale);
  const records = [COLUMNS.map((c) => texts.heading(c)), ...rows.map((row) => cellsOf(row, texts).map(toField))];
  return Buffer.from(BOM + stringify(records, { record_delimiter: "windows" }), "utf8");
}
