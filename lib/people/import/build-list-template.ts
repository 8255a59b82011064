// The downloadable template: the header row, and (in the XLSX) a second sheet that explains each
// column and lists the commune's villages as the import spells them.
import ExcelJS from "exceljs";
import Papa from "papaparse";

import { LIST_COLUMNS } from "./list-columns";

export type TemplateTexts = {
  /** Per column key, what goes in it. */
  describe: Record<string, string>;
  requiredLabel: string;
  optionalLabel: string;
  instructionsSheet: string;
  listSheet: string;
  columnHeader: string;
  requiredHeader: string;
  meaningHeader: string;
  villagesHeader: string;
};

/** UTF-8 with a byte-order mark and Windows line endings, so that Excel opens the Vietnamese right. */
export function buildCsvTemplate(): Uint8Array {
  const csv = Papa.unparse({ fields: LIST_COLUMNS.map((c) => c.header), data: [] }, { newline: "\r\n" });
  return new TextEncoder().encode(`\ufeff${csv}\r\n`);
}

export async function buildXlsxTemplate(villages: readonly string[], texts: TemplateTexts): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Dân Bàn";
  const list = workbook.addWorksheet(texts.listSheet);
  list.columns = LIST_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.key === "fullName" || c.key === "address" ? 28 : 14 }));
  list.getRow(1).font = { bold: true };
  list.views = [{ state: "frozen", ySplit: 1 }];
  // Codes and years typed as text keep leading zeros ("00123").
  list.getColumn("householdCode").numFmt = "@";

  const help = workbook.addWorksheet(texts.instructionsSheet);
  help.columns = [{ width: 18 }, { width: 14 }, { width: 80 }];
  help.addRow([texts.columnHeader, texts.requiredHeader, texts.meaningHeader]).font = { bold: true };
  for (const c of LIST_COLUMNS) help.addRow([c.header, c.required ? texts.requiredLabel : texts.optionalLabel, texts.describe[c.key] ?? ""]);
  help.addRow([]);
  help.addRow([texts.villagesHeader]).font = { bold: true };
  for (const v of villages) help.addRow([v]);

  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
