// Reading an uploaded list: what the file is is judged by its content, never by its name, and its
// size is capped before anything is parsed. CSV must be UTF-8 (Excel's "CSV UTF-8"); older
// Vietnamese encodings (TCVN3, VNI, Windows-1258) are refused with a message saying how to re-save.
import ExcelJS from "exceljs";
import { fileTypeFromBuffer } from "file-type";
import Papa from "papaparse";

import { AppError, invalid } from "@/lib/errors";

export type ListFileKind = "csv" | "xlsx";

/** More rows than any commune has people (Thiện Tín: about 17,500). */
export const MAX_LIST_ROWS = 50_000;

const unsupported = () => new AppError("uploadTypeNotAllowed", 415, { allowed: "CSV, XLSX" });

export async function inspectListFile(bytes: Uint8Array, maxBytes: number): Promise<ListFileKind> {
  if (bytes.byteLength === 0) throw invalid("uploadEmpty");
  if (bytes.byteLength > maxBytes) throw new AppError("uploadTooLarge", 413, { maxMb: Math.round(maxBytes / 1024 / 1024) });
  const type = await fileTypeFromBuffer(bytes);
  if (type?.ext === "xlsx") return "xlsx";
  // Excel 97–2003 (.xls) is an OLE compound file.
  if (type?.ext === "xls" || type?.ext === "cfb") throw new AppError("listOldExcel", 415);
  if (type) throw unsupported();
  // Text has no NUL bytes; binary formats file-type does not know almost always do.
  if (bytes.subarray(0, 8192).includes(0)) throw unsupported();
  return "csv";
}

/** The file as rows of cell texts; row i of the result is line/row i + 1 of the file. */
export async function readListTable(bytes: Uint8Array, kind: ListFileKind): Promise<string[][]> {
  return kind === "csv" ? readCsv(bytes) : readXlsx(bytes);
}

function readCsv(bytes: Uint8Array): string[][] {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw invalid("listNotUtf8");
  }
  // Excel writes a byte-order mark at the start of "CSV UTF-8" files.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Papa Parse detects the delimiter (comma, semicolon, tab) and both Windows and Unix line endings.
  const result = Papa.parse<string[]>(text, { skipEmptyLines: false });
  const broken = result.errors.find((e) => e.type === "Quotes");
  if (broken) throw invalid("listCsvMalformed", { row: (broken.row ?? 0) + 1 });
  if (result.data.length > MAX_LIST_ROWS + 20) throw invalid("listTooManyRows", { max: MAX_LIST_ROWS });
  return result.data;
}

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    throw invalid("listXlsxUnreadable");
  }
  // The first sheet that has anything in it: templates may carry an instructions sheet after it.
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) return [];
  if (sheet.actualRowCount > MAX_LIST_ROWS + 20) throw invalid("listTooManyRows", { max: MAX_LIST_ROWS });
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    // row.values is 1-based: index 0 is always empty.
    rows[rowNumber - 1] = values.slice(1).map(cellText);
  });
  return Array.from(rows, (r) => r ?? []);
}

function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if ("text" in value) return String(value.text);
    if ("error" in value) return "";
  }
  return String(value);
}
