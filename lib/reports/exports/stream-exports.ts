// The opinion exports written as streams, batch by batch from the database: the same columns, cells
// and safeguards as to-csv.ts, to-xlsx.ts and to-geojson.ts, without building the whole file first.
import { PassThrough, Readable } from "node:stream";

import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";

import type { Locale } from "@/lib/i18n/routing";

import { type Cell, cellsOf, type Column, COLUMNS, exportTexts, formatVnDateTime, type OpinionExportRow, toVnWallClock } from "./opinion-rows";
import { neutralizeFormula } from "./to-csv";
import { pinnedOpinionsToGeoJson } from "./to-geojson";

type Batches = AsyncIterable<OpinionExportRow[]>;

const toField = (cell: Cell): string | number => {
  if (cell === null) return "";
  if (cell instanceof Date) return formatVnDateTime(cell);
  if (typeof cell === "number") return cell;
  return neutralizeFormula(cell);
};

const encoder = new TextEncoder();

/** UTF-8 with a byte-order mark and CRLF, as to-csv.ts writes it. */
export function csvStream(batches: Batches, locale: Locale = "vi"): ReadableStream<Uint8Array> {
  const texts = exportTexts(locale);
  async function* chunks() {
    yield encoder.encode("\uFEFF" + stringify([COLUMNS.map((c) => texts.heading(c))], { record_delimiter: "windows" }));
    for await (const rows of batches) {
      yield encoder.encode(stringify(rows.map((row) => cellsOf(row, texts).map(toField)), { record_delimiter: "windows" }));
    }
  }
  return iterableToStream(chunks());
}

/** GeoJSON FeatureCollection, one feature at a time. */
export function geoJsonStream(batches: Batches): ReadableStream<Uint8Array> {
  async function* chunks() {
    yield encoder.encode('{"type":"FeatureCollection","features":[');
    let first = true;
    for await (const rows of batches) {
      for (const feature of pinnedOpinionsToGeoJson(rows).features) {
        yield encoder.encode((first ? "" : ",") + JSON.stringify(feature));
        first = false;
      }
    }
    yield encoder.encode("]}");
  }
  return iterableToStream(chunks());
}

const WIDTHS: Partial<Record<Column, number>> = { body: 60, answerBody: 50, displayName: 22, createdAt: 17, answeredAt: 17, theme: 28, section: 24, village: 16 };
const WRAPPED: Column[] = ["body", "answerBody", "theme", "section"];
const DATES: Column[] = ["createdAt", "answeredAt"];

/** The workbook of to-xlsx.ts, with exceljs' streaming writer piped straight into the response. */
export function xlsxStream(batches: Batches, locale: Locale = "vi", options: { title?: string } = {}): ReadableStream<Uint8Array> {
  const texts = exportTexts(locale);
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = "Dân Bàn";
  if (options.title) workbook.title = options.title;
  void (async () => {
    const sheet = workbook.addWorksheet(texts.sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = COLUMNS.map((key) => ({
      key,
      header: texts.heading(key),
      width: WIDTHS[key] ?? 12,
      style: { alignment: { vertical: "top", wrapText: WRAPPED.includes(key) }, ...(DATES.includes(key) ? { numFmt: "dd/mm/yyyy hh:mm" } : {}) },
    }));
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.alignment = { vertical: "middle", wrapText: true };
    header.commit();
    for await (const rows of batches) {
      for (const row of rows) sheet.addRow(cellsOf(row, texts).map((cell) => (cell instanceof Date ? toVnWallClock(cell) : cell))).commit();
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => stream.destroy(error as Error));
  return Readable.toWeb(stream) as ReadableStream<Uint8Array>;
}

function iterableToStream(iterable: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = iterable[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
