import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";

import { buildCsvTemplate, buildXlsxTemplate } from "./build-list-template";
import { cleanText, parseBirthYear, parseListRows, parseYesNo, villageKey } from "./parse-list-rows";
import { inspectListFile, readListTable } from "./read-list-file";

const VILLAGES = [
  { id: "v-pk", name: "Phú Khương" },
  { id: "v-tp1", name: "Tân Phú 1" },
  { id: "v-dm", name: "Đồng Miếu" },
];
const MB = 1024 * 1024;
const utf8 = (text: string) => new TextEncoder().encode(text);

async function parseCsv(text: string) {
  const bytes = utf8(text);
  expect(await inspectListFile(bytes, MB)).toBe("csv");
  return parseListRows(await readListTable(bytes, "csv"), VILLAGES, 2026);
}

async function xlsx(rows: unknown[][], options: { sheets?: string[] } = {}) {
  const workbook = new ExcelJS.Workbook();
  for (const name of options.sheets ?? []) workbook.addWorksheet(name);
  const sheet = workbook.addWorksheet("Danh sách");
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("reading a CSV list", () => {
  it("reads Vietnamese with a BOM, Windows line endings and stray spaces", async () => {
    const text =
      "\ufeffThôn,Mã hộ,Địa chỉ,Họ và tên,Năm sinh,Đại diện hộ\r\n" +
      "  Phú Khương ,TT-03-0001,\"Tổ 1, Phú Khương\",  Nguyễn   Văn An ,1970,x\r\n" +
      "Phú Khương,tt-03-0001,,Trần Thị Bình,1972,\r\n" +
      "\r\n" +
      "thôn tân phú 1,TT-05-0002,Tổ 3,Lê Văn Cường,1985,không\r\n";
    const parsed = await parseCsv(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.totalRows).toBe(3);
    expect(parsed.rows).toEqual([
      { row: 2, villageId: "v-pk", householdCode: "TT-03-0001", address: "Tổ 1, Phú Khương", fullName: "Nguyễn Văn An", nameKey: "nguyen van an", birthYear: 1970, isRepresentative: true },
      { row: 3, villageId: "v-pk", householdCode: "TT-03-0001", address: null, fullName: "Trần Thị Bình", nameKey: "tran thi binh", birthYear: 1972, isRepresentative: false },
      { row: 5, villageId: "v-tp1", householdCode: "TT-05-0002", address: "Tổ 3", fullName: "Lê Văn Cường", nameKey: "le van cuong", birthYear: 1985, isRepresentative: false },
    ]);
  });

  it("accepts headers and villages typed without diacritics, in capitals, with semicolons", async () => {
    const parsed = await parseCsv("HO VA TEN;NAM SINH;THON;MA HO;Ghi chú\nNguyen Van An;1970;DONG MIEU;DM-1;đã chuyển\n");
    expect(parsed.errors).toEqual([]);
    expect(parsed.ignoredColumns).toEqual(["Ghi chú"]);
    expect(parsed.rows[0]).toMatchObject({ villageId: "v-dm", fullName: "Nguyen Van An", nameKey: "nguyen van an", householdCode: "DM-1" });
  });

  it("stores names precomposed (NFC) whatever the file used", async () => {
    const decomposed = "Thôn,Mã hộ,Họ và tên,Năm sinh\nPhú Khương,A1,Nguyễn Thị Hương,1990\n".normalize("NFD");
    const parsed = await parseCsv(decomposed);
    expect(parsed.rows[0]!.fullName).toBe("Nguyễn Thị Hương".normalize("NFC"));
    expect(parsed.rows[0]!.villageId).toBe("v-pk");
  });

  it("finds the header below a title row", async () => {
    const parsed = await parseCsv("DANH SÁCH HỘ GIA ĐÌNH XÃ THIỆN TÍN,,,\n,,,\nThôn,Mã hộ,Họ và tên,Năm sinh\nPhú Khương,A1,Nguyễn Văn An,1970\n");
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.rows[0]!.row).toBe(4);
  });

  it("gives every bad row its own error, by row and column, and keeps the good rows", async () => {
    const parsed = await parseCsv(
      [
        "Thôn,Mã hộ,Họ và tên,Năm sinh,Đại diện hộ",
        "Phú Khương,A1,Nguyễn Văn An,1970,x", // 2 good
        "Thôn Không Có,A2,Lê Thị Hoa,1980,", // 3 unknown village
        "Phú Khương,,Lê Thị Hoa,1980,", // 4 missing code
        "Phú Khương,A3,Lê Thị Hoa,19x0,", // 5 bad year
        "Phú Khương,A3,Lê Thị Hoa,2030,", // 6 future year
        "Phú Khương,A1,Nguyen Van An,1970,", // 7 same person as row 2 (without diacritics)
        "Tân Phú 1,A1,Phạm Văn Tư,1990,", // 8 same household code, another village
        "Phú Khương,A1,Phạm Thị Năm,1992,có", // 9 second representative
        "Phú Khương,A4,,1990,", // 10 missing name
        "Phú Khương,A4,Hà Văn Sáu,1990,maybe", // 11 representative not yes/no
        ",,,,", // blank: not a row
        "Phú Khương,A4,Hà Văn Bảy,15/08/1991,", // 13 good: a full date gives the year
      ].join("\n"),
    );
    expect(parsed.rows.map((r) => r.row)).toEqual([2, 13]);
    expect(parsed.rows[1]!.birthYear).toBe(1991);
    expect(parsed.totalRows).toBe(11);
    expect(parsed.errors.map((e) => [e.row, e.column ?? null, e.code])).toEqual([
      [3, "village", "listRowVillageUnknown"],
      [4, "householdCode", "listRowCodeMissing"],
      [5, "birthYear", "listRowBirthYearInvalid"],
      [6, "birthYear", "listRowBirthYearInvalid"],
      [7, null, "listRowDuplicate"],
      [8, "village", "listRowHouseholdVillageMismatch"],
      [9, "isRepresentative", "listRowTwoRepresentatives"],
      [10, "fullName", "listRowNameMissing"],
      [11, "isRepresentative", "listRowRepresentativeInvalid"],
    ]);
    expect(parsed.errors.find((e) => e.row === 3)!.params).toEqual({ village: "Thôn Không Có" });
    expect(parsed.errors.find((e) => e.row === 7)!.params).toEqual({ first: 2 });
  });

  it("names the missing columns, and refuses empty lists", async () => {
    await expect(parseCsv("Thôn,Họ và tên\nPhú Khương,An\n")).rejects.toMatchObject({ code: "listMissingColumns", status: 422, params: { columns: "Mã hộ, Năm sinh" } });
    await expect(parseCsv("Thôn,Mã hộ,Họ và tên,Năm sinh\n\n\n")).rejects.toMatchObject({ code: "listEmpty" });
    await expect(parseCsv("Thôn,Mã hộ,Họ tên,Họ và tên,Năm sinh\n")).rejects.toMatchObject({ code: "listDuplicateColumn", params: { column: "Họ và tên" } });
  });

  it("refuses a file that is not UTF-8, saying how to save it", async () => {
    // "Nguyễn" in Windows-1258 bytes is not valid UTF-8.
    const bytes = new Uint8Array([...utf8("Thôn,Mã hộ,Họ và tên,Năm sinh\n"), 0x4e, 0x67, 0x75, 0x79, 0xea, 0xde, 0x6e, 0x0a]);
    await expect(readListTable(bytes, "csv")).rejects.toMatchObject({ code: "listNotUtf8", status: 422 });
  });
});

describe("reading an XLSX list", () => {
  it("reads numbers, dates, rich text and formulas as the text staff see", async () => {
    const bytes = await xlsx([
      ["Thôn", "Mã hộ", "Địa chỉ", "Họ và tên", "Năm sinh", "Đại diện hộ"],
      ["Phú Khương", 123, "Tổ 1", { richText: [{ text: "Nguyễn " }, { text: "Văn An", font: { bold: true } }] }, 1970, "X"],
      ["Phú Khương", 123, null, "  Trần Thị   Bình", new Date(Date.UTC(1972, 4, 9)), null],
      ["Đồng Miếu", "DM-01", null, "Lê Văn Cường", { formula: "1980+5", result: 1985 }, "Không"],
    ]);
    expect(await inspectListFile(bytes, MB)).toBe("xlsx");
    const parsed = parseListRows(await readListTable(bytes, "xlsx"), VILLAGES, 2026);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => [r.row, r.householdCode, r.fullName, r.birthYear, r.isRepresentative])).toEqual([
      [2, "123", "Nguyễn Văn An", 1970, true],
      [3, "123", "Trần Thị Bình", 1972, false],
      [4, "DM-01", "Lê Văn Cường", 1985, false],
    ]);
  });

  it("reports bad rows with the row numbers of the sheet", async () => {
    const bytes = await xlsx([
      ["Danh sách hộ gia đình"],
      [],
      ["Thon", "Ma ho", "Ho va ten", "Nam sinh"],
      ["Phu Khuong", "A1", "Nguyen Van An", 1970],
      ["Phu Khuong", "A1", "Nguyen Van An", 1970],
      ["Phu Khuong", "A2", "Nguyen Van Ba", "năm 70"],
    ]);
    const parsed = parseListRows(await readListTable(bytes, "xlsx"), VILLAGES, 2026);
    expect(parsed.rows.map((r) => r.row)).toEqual([4]);
    expect(parsed.errors.map((e) => [e.row, e.code])).toEqual([
      [5, "listRowDuplicate"],
      [6, "listRowBirthYearInvalid"],
    ]);
  });

  it("reads the first sheet that has data, and reads the template back", async () => {
    const template = await buildXlsxTemplate(["Phú Khương"], {
      describe: {},
      requiredLabel: "bắt buộc",
      optionalLabel: "không bắt buộc",
      instructionsSheet: "Hướng dẫn",
      listSheet: "Danh sách",
      columnHeader: "Cột",
      requiredHeader: "Bắt buộc",
      meaningHeader: "Ý nghĩa",
      villagesHeader: "Các thôn",
    });
    expect(await inspectListFile(template, MB)).toBe("xlsx");
    // An empty template is a header without rows.
    await expect(readListTable(template, "xlsx").then((t) => parseListRows(t, VILLAGES))).rejects.toMatchObject({ code: "listEmpty" });
    const csv = buildCsvTemplate();
    expect(Array.from(csv.subarray(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    await expect(readListTable(csv, "csv").then((t) => parseListRows(t, VILLAGES))).rejects.toMatchObject({ code: "listEmpty" });
  });
});

describe("judging an upload by its content", () => {
  it("refuses empty, oversized, old Excel, other binaries and a plain zip", async () => {
    await expect(inspectListFile(new Uint8Array(), MB)).rejects.toMatchObject({ code: "uploadEmpty", status: 422 });
    await expect(inspectListFile(new Uint8Array(MB + 1).fill(65), MB)).rejects.toMatchObject({ code: "uploadTooLarge", status: 413, params: { maxMb: 1 } });
    const cfb = new Uint8Array(1024);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await expect(inspectListFile(cfb, MB)).rejects.toMatchObject({ code: "listOldExcel", status: 415 });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, ...new Array(64).fill(0)]);
    await expect(inspectListFile(png, MB)).rejects.toMatchObject({ code: "uploadTypeNotAllowed", status: 415 });
    await expect(inspectListFile(new Uint8Array([0x41, 0x00, 0x42, 0x43]), MB)).rejects.toMatchObject({ code: "uploadTypeNotAllowed" });
    // A zip holding a text file, not a workbook: one stored entry "a.txt" with the content "hi".
    const name = utf8("a.txt");
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xac, 0x2a, 0x93, 0xd8, 2, 0, 0, 0, 2, 0, 0, 0, name.length, 0, 0, 0, ...name, 0x68, 0x69, ...new Array(64).fill(0)]);
    await expect(inspectListFile(zip, MB)).rejects.toMatchObject({ code: "uploadTypeNotAllowed" });
  });

  it("calls a renamed XLSX an XLSX and a renamed CSV a CSV: the name plays no part", async () => {
    const bytes = await xlsx([["Thôn"]]);
    expect(await inspectListFile(bytes, MB)).toBe("xlsx");
    expect(await inspectListFile(utf8("Thôn,Mã hộ\n"), MB)).toBe("csv");
  });
});

describe("cell rules", () => {
  it("normalises text, years, yes/no and village names", () => {
    expect(cleanText("  Nguyễn\u00a0 Văn\tAn  ")).toBe("Nguyễn Văn An");
    expect(parseBirthYear("1985", 2026)).toBe(1985);
    expect(parseBirthYear("1985.0", 2026)).toBe(1985);
    expect(parseBirthYear("05/11/1985", 2026)).toBe(1985);
    expect(parseBirthYear("1985-11-05", 2026)).toBe(1985);
    expect(parseBirthYear("1899", 2026)).toBeNull();
    expect(parseBirthYear("2027", 2026)).toBeNull();
    expect(parseBirthYear("85", 2026)).toBeNull();
    for (const yes of ["x", "X", "Có", "co", "1", "TRUE", "Chủ hộ"]) expect(parseYesNo(yes), yes).toBe(true);
    for (const no of ["", "Không", "khong", "0", "FALSE", "-"]) expect(parseYesNo(no), no).toBe(false);
    expect(parseYesNo("maybe")).toBeNull();
    expect(villageKey("Thôn Phú Lâm Đông")).toBe(villageKey("phu lam dong"));
    expect(villageKey("Tổ dân phố Tân Phú 1")).toBe("tan phu 1");
  });
});
