import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";

import type { OpinionExportRow } from "./opinion-rows";
import { opinionsToCsv } from "./to-csv";
import { pinnedOpinionsGeoJsonFile } from "./to-geojson";
import { opinionsToXlsx } from "./to-xlsx";

const PHONE = "+84901000001";

const base: OpinionExportRow = {
  number: 1,
  // 09:30 in Vietnam.
  createdAt: new Date(Date.UTC(2026, 1, 5, 2, 30)),
  villageName: "Phú Khương",
  displayName: "Cô Lan",
  channel: "WEB",
  stance: "SUPPORT",
  replyTo: null,
  sectionHeading: "Phạm vi dự án",
  themeLabel: "cống thoát nước · Bàu Sen · ngập",
  body: "Cống thoát nước ở Bàu Sen quá nhỏ, mùa mưa nước ngập vào nhà.",
  agreeCount: 12,
  disagreeCount: 1,
  lat: 15.0412345678,
  lng: 108.7312345678,
  answerKind: "TAKEN_ON_BOARD",
  answerBody: "UBND xã tiếp thu, sẽ mở rộng cống trong năm 2026.",
  answeredAt: new Date(Date.UTC(2026, 1, 10, 1)),
};

const rows: OpinionExportRow[] = [
  base,
  {
    ...base,
    number: 2,
    displayName: "Anh Tư",
    channel: "MEETING",
    stance: "OPPOSE",
    body: 'Không đồng ý, vì "đền bù" thấp;\ncần họp lại với các hộ.',
    lat: null,
    lng: null,
    answerKind: null,
    answerBody: null,
    answeredAt: null,
    themeLabel: null,
  },
  { ...base, number: 3, replyTo: 1, stance: null, body: '=HYPERLINK("http://x","bấm vào")', lat: 95, lng: 108.7 },
  // A caller that passes more than the row type allows must not leak it.
  { ...base, number: 4, phone: PHONE, userId: "user-123" } as OpinionExportRow,
];

const dir = mkdtempSync(path.join(tmpdir(), "danban-exports-"));

/** RFC 4180 fields, enough to read back what csv-stringify wrote. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  const endField = () => {
    record.push(field);
    field = "";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") endField();
    else if (c === "\r" && text[i + 1] === "\n") {
      endField();
      records.push(record);
      record = [];
      i++;
    } else field += c;
  }
  if (field || record.length) {
    endField();
    records.push(record);
  }
  return records;
}

describe("opinionsToCsv", () => {
  let bytes: Buffer;
  let records: string[][];
  beforeAll(() => {
    const file = path.join(dir, "y-kien.csv");
    writeFileSync(file, opinionsToCsv(rows));
    bytes = readFileSync(file);
    records = parseCsv(bytes.toString("utf8").slice(1));
  });

  it("is UTF-8 with a byte-order mark and CRLF line ends, headings in Vietnamese", () => {
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8")).toContain("\r\n");
    expect(records[0]!.slice(0, 4)).toEqual(["Số", "Thời điểm (giờ Việt Nam)", "Thôn", "Người gửi (tên hiển thị)"]);
    expect(records).toHaveLength(rows.length + 1);
    expect(records.every((r) => r.length === records[0]!.length)).toBe(true);
  });

  it("writes times in Vietnam, enums in words and texts intact, commas, quotes and line breaks included", () => {
    const column = (name: string) => records[0]!.indexOf(name);
    expect(records[1]![column("Thời điểm (giờ Việt Nam)")]).toBe("2026-02-05 09:30");
    expect(records[1]![column("Quan điểm")]).toBe("Đồng tình");
    expect(records[1]![column("Hướng xử lý")]).toBe("Tiếp thu");
    expect(records[2]![column("Hình thức")]).toBe("Hội nghị thôn");
    expect(records[2]![column("Nội dung ý kiến")]).toBe('Không đồng ý, vì "đền bù" thấp;\ncần họp lại với các hộ.');
    expect(records[2]![column("Hướng xử lý")]).toBe("Chưa trả lời");
    expect(records[3]![column("Trả lời ý kiến số")]).toBe("1");
  });

  it("defuses text that a spreadsheet would run as a formula", () => {
    expect(records[3]![records[0]!.indexOf("Nội dung ý kiến")]).toBe(`'=HYPERLINK("http://x","bấm vào")`);
  });

  it("carries no personal data beyond the display name", () => {
    expect(bytes.toString("utf8")).not.toContain(PHONE);
    expect(bytes.toString("utf8")).not.toContain("user-123");
  });

  it("speaks English when asked", () => {
    const english = parseCsv(opinionsToCsv(rows, "en").toString("utf8").slice(1));
    expect(english[0]!.slice(0, 3)).toEqual(["No.", "Time (Vietnam)", "Village"]);
    expect(english[1]).toContain("Taken on board");
    expect(english[2]).toContain("Not answered yet");
  });
});

describe("opinionsToXlsx", () => {
  let sheet: ExcelJS.Worksheet;
  let raw: Buffer;
  beforeAll(async () => {
    const file = path.join(dir, "y-kien.xlsx");
    writeFileSync(file, await opinionsToXlsx(rows, "vi", { title: "Ý kiến về dự án đường liên thôn" }));
    raw = readFileSync(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(raw as unknown as ExcelJS.Buffer);
    sheet = workbook.getWorksheet("Ý kiến")!;
  });

  it("has one sheet with bold frozen headings and a filter", () => {
    expect(sheet).toBeDefined();
    expect(sheet.getRow(1).getCell(1).value).toBe("Số");
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.rowCount).toBe(rows.length + 1);
  });

  it("stores numbers as numbers and times as dates showing Vietnam's clock", () => {
    const headings = (sheet.getRow(1).values as unknown[]).slice(1);
    const cell = (row: number, heading: string) => sheet.getRow(row).getCell(headings.indexOf(heading) + 1);
    expect(cell(2, "Số").value).toBe(1);
    expect(cell(2, "Số người đồng tình").value).toBe(12);
    expect(cell(2, "Vĩ độ").value).toBeCloseTo(15.0412345678, 9);
    const created = cell(2, "Thời điểm (giờ Việt Nam)").value as Date;
    expect(created).toBeInstanceOf(Date);
    expect([created.getUTCDate(), created.getUTCHours(), created.getUTCMinutes()]).toEqual([5, 9, 30]);
    expect(cell(2, "Thời điểm (giờ Việt Nam)").numFmt).toBe("dd/mm/yyyy hh:mm");
    expect(cell(3, "Nội dung ý kiến").value).toBe('Không đồng ý, vì "đền bù" thấp;\ncần họp lại với các hộ.');
    expect(cell(3, "Ngày trả lời").value).toBeNull();
  });

  it("carries no personal data beyond the display name", () => {
    const values = sheet.getSheetValues().flat(2).map(String);
    expect(values.some((v) => v.includes(PHONE) || v.includes("user-123"))).toBe(false);
    expect(raw.includes(Buffer.from(PHONE))).toBe(false);
  });
});

describe("pinnedOpinionsGeoJsonFile", () => {
  it("writes the pinned opinions as RFC 7946 points, longitude first, and skips the rest", () => {
    const file = path.join(dir, "y-kien.geojson");
    writeFileSync(file, pinnedOpinionsGeoJsonFile(rows));
    const text = readFileSync(file, "utf8");
    const collection = JSON.parse(text);
    expect(collection.type).toBe("FeatureCollection");
    // #2 has no pin and #3 is off the globe (latitude 95).
    expect(collection.features.map((f: { properties: { number: number } }) => f.properties.number)).toEqual([1, 4]);
    expect(collection.features[0].geometry).toEqual({ type: "Point", coordinates: [108.731235, 15.041235] });
    expect(collection.features[0].properties).toMatchObject({ displayName: "Cô Lan", stance: "SUPPORT", answerKind: "TAKEN_ON_BOARD", createdAt: "2026-02-05T02:30:00.000Z" });
    expect(text).not.toContain(PHONE);
    expect(text).not.toContain("user-123");
  });
});
