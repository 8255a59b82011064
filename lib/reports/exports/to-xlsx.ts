// Opinions as an Excel workbook (exceljs): one sheet, headings bold and frozen, a filter on every
// column, real numbers and dates (Vietnam time) so staff can sort and count, long texts wrapped.
import { PassThrough } from "node:stream";

import ExcelJS from "exceljs";

import type { Locale } from "@/lib/i18n/routing";

import { cellsOf, type Column, COLUMNS, exportTexts, type OpinionExportRow, toVnWallClock } from "./opinion-rows";

const WIDTHS: Partial<Record<Column, number>> = { body: 60, answerBody: 50, displayName: 22, createdAt: 17, answeredAt: 17, theme: 28, section: 24, village: 16 };
const WRAPPED: Column[] = ["body", "answerBody", "theme", "section"];
const DATES: Column[] = ["createdAt", "answeredAt"];

/**
 * Written with exceljs' streaming writer, row by row: the in-memory workbook took 5.6 s of CPU for
 * 50,000 opinions, the stream a fraction of that, and memory stays flat.
 */
export async function opinionsToXlsx(rows: OpinionExportRow[], locale: Locale = "vi", options: { title?: string } = {}): Promise<Buffer> {
  const texts = exportTexts(locale);
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on("end", resolve);
    stream.on("error", reject);
  });

  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = "Dân Bàn";
  if (options.title) workbook.title = options.title;
  const sheet = workbook.addWorksheet(texts.sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = COLUMNS.map((key) => ({
    key,
    header: texts.heading(key),
    width: WIDTHS[key] ?? 12,
    style: {
      alignment: { vertical: "top", wrapText: WRAPPED.includes(key) },
      ...(DATES.includes(key) ? { numFmt: "dd/mm/yyyy hh:mm" } : {}),
    },
  }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "middle", wrapText: true };
  header.commit();
  for (const row of rows) {
    // Excel has no time zones: a date is written as the wall-clock time it shows in Vietnam.
    sheet.addRow(cellsOf(row, texts).map((cell) => (cell instanceof Date ? toVnWallClock(cell) : cell))).commit();
  }
  sheet.commit();
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}
