import { randomUUID } from "node:crypto";

import { check } from "@placemarkio/check-geojson";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { createBallot, createVillage } from "@/lib/participation/ballot-test-helpers";
import { answerOpinions } from "@/lib/reports/answer-opinions";
import { accessAs, communeId, OTHER_STAFF_EMAIL, RESIDENT_PHONE, seedDemo, STAFF_EMAIL, userId } from "@/scripts/test/fixtures";

import { EXPORT_BATCH } from "./load-rows";
import { handleOpinionExport } from "./handle-export";

const LEADER_EMAIL = "chutich@thientin.danban.local";
const FRONT_EMAIL = "mttq@thientin.danban.local";
const VILLAGE_HEAD_EMAIL = "truongthon.phukhuong@thientin.danban.local";

let roadId: string;
let opinionCount: number;
let pinnedCount: number;
let villageName: string;

const get = async (format: string, who: string | null, id = roadId) =>
  handleOpinionExport(new Request(`http://localhost/api/communes/thien-tin/consultations/${id}/exports/${format}`), "thien-tin", id, format, who ? await userId(who) : null);

beforeAll(async () => {
  await seedDemo();
  const thienTin = await communeId("thien-tin");
  // A consultation of its own, so the demo consultations other tests read stay as seeded.
  const village = await createVillage(thienTin, { name: `Thôn Xuất ${randomUUID().slice(0, 4)}`, households: 3 });
  roadId = (await createBallot({ communeId: thienTin, createdById: await userId(STAFF_EMAIL), title: "Nạo vét mương thôn (xuất dữ liệu)", villageIds: [village.villageId] })).consultationId;
  // More opinions than one batch, so the export has to page through them.
  const extra = EXPORT_BATCH + 15;
  await db.opinion.createMany({
    data: Array.from({ length: extra }, (_, i) => ({
      communeId: thienTin,
      consultationId: roadId,
      number: i + 1,
      villageId: village.villageId,
      displayName: `Người thử ${i + 1}`,
      body: i === 1 ? "=1+1 Ý kiến có dạng công thức" : `Ý kiến số ${i + 1} về đoạn mương qua chợ`,
      channel: "PAPER" as const,
      lat: i % 100 === 0 ? 15.1 + i / 1e5 : null,
      lng: i % 100 === 0 ? 108.8 : null,
    })),
  });
  await db.consultation.update({ where: { id: roadId }, data: { opinionSeq: extra } });
  villageName = (await db.village.findUniqueOrThrow({ where: { id: village.villageId }, select: { name: true } })).name;
  const staff = await accessAs(STAFF_EMAIL, "thien-tin", ["STAFF"]);
  const first = await db.opinion.findFirstOrThrow({ where: { consultationId: roadId, number: 1 }, select: { id: true } });
  await answerOpinions(staff, { communeId: thienTin, consultationId: roadId, opinionIds: [first.id], kind: "TAKEN_ON_BOARD", body: "Tiếp thu: làm cống lớn hơn ở đoạn Bàu Sen." });
  opinionCount = await db.opinion.count({ where: { consultationId: roadId } });
  pinnedCount = await db.opinion.count({ where: { consultationId: roadId, lat: { not: null }, lng: { not: null } } });
}, 120_000);

describe("opinion exports, per role", () => {
  it("refuses anyone but staff, leaders and the Front of the commune", async () => {
    expect((await get("csv", null)).status).toBe(401);
    expect((await get("csv", RESIDENT_PHONE)).status).toBe(403);
    expect((await get("xlsx", VILLAGE_HEAD_EMAIL)).status).toBe(403);
    expect((await get("geojson", OTHER_STAFF_EMAIL)).status).toBe(403);
    expect((await get("pdf", STAFF_EMAIL)).status).toBe(404);
    // A consultation of another commune is not found through this commune's address.
    const foreign = await db.consultation.findFirstOrThrow({ where: { commune: { slug: "nghia-hanh" } }, select: { id: true } });
    expect((await get("csv", STAFF_EMAIL, foreign.id)).status).toBe(404);
  });

  it("CSV: every opinion with its answer, formulas neutralised, filename with the consultation id", async () => {
    const response = await get("csv", STAFF_EMAIL);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="y-kien-${roadId}.csv"`);
    const bytes = Buffer.from(await response.arrayBuffer());
    // The byte-order mark Excel needs to read Vietnamese.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes.subarray(3).toString("utf8"), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(opinionCount);
    expect(rows.map((r) => Number(r["Số"]))).toEqual([...rows.map((r) => Number(r["Số"]))].sort((a, b) => a - b));
    const first = rows.find((r) => r["Số"] === "1")!;
    expect(first["Hướng xử lý"]).toBe("Tiếp thu");
    expect(first["Nội dung tiếp thu, giải trình"]).toBe("Tiếp thu: làm cống lớn hơn ở đoạn Bàu Sen.");
    expect(first["Thôn"]).toBe(villageName);
    expect(rows.some((r) => r["Nội dung ý kiến"] === "'=1+1 Ý kiến có dạng công thức")).toBe(true);
  });

  it("XLSX for a leader and GeoJSON of pinned opinions for the Front", async () => {
    const xlsx = await get("xlsx", LEADER_EMAIL);
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(opinionCount + 1);
    expect(sheet.getRow(1).getCell(1).value).toBe("Số");

    const geo = await get("geojson", FRONT_EMAIL);
    expect(geo.status).toBe(200);
    expect(geo.headers.get("content-type")).toContain("application/geo+json");
    expect(geo.headers.get("content-disposition")).toContain(`y-kien-gan-ban-do-${roadId}.geojson`);
    const collection = check(await geo.text());
    expect(collection.type).toBe("FeatureCollection");
    expect((collection as GeoJSON.FeatureCollection).features).toHaveLength(pinnedCount);
    expect(pinnedCount).toBeGreaterThan(2);
  });
});
