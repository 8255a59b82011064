import { createHash } from "node:crypto";

import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { peopleAccess, seedPeopleCommune } from "@/scripts/test/people-fixtures";

import { importResidentList, previewResidentList } from "./import-resident-list";

const MB = 20 * 1024 * 1024;
const csv = (name: string, lines: string[]) => ({ name, bytes: new TextEncoder().encode(`\ufeff${lines.join("\r\n")}\r\n`) });
const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const HEADER = "Thôn,Mã hộ,Địa chỉ,Họ và tên,Năm sinh,Đại diện hộ";

/** Staff of the people tests' own commune (scripts/test/people-fixtures.ts). */
async function staff() {
  return peopleAccess("staff", ["STAFF"]);
}

async function counts(communeId: string) {
  const [households, residents, batches, events] = await Promise.all([
    db.household.count({ where: { communeId } }),
    db.resident.count({ where: { communeId } }),
    db.importBatch.count({ where: { communeId } }),
    db.auditEvent.count({ where: { communeId } }),
  ]);
  return { households, residents, batches, events };
}

beforeAll(async () => {
  await seedPeopleCommune();
});

describe("importing the household and resident list", () => {
  const first = csv("danh-sach-dot-1.csv", [
    HEADER,
    "Phú Khương,IMP-001,\"Tổ 1, Phú Khương\",Nguyễn Văn Nhập,1960,x",
    "Phú Khương,IMP-001,,Lê Thị Nhập,1963,",
    "Phú Khương,IMP-001,,Nguyen Van Con,1990,", // without diacritics in the first file
    "tân phú 1,IMP-002,Tổ 4,Trần Văn Hai,1975,",
    "Thôn Không Có,IMP-003,,Phạm Văn Ba,1970,x", // unknown village
    "Phú Khương,,,Võ Thị Tư,1980,", // no code
    "Phú Khương,IMP-004,,Đặng Văn Năm,19x5,", // bad year
    "Phú Khương,IMP-001,,Nguyễn Văn Nhập,1960,", // duplicate of row 2
  ]);

  it("previews without writing anything, naming every bad row", async () => {
    const access = await staff();
    const before = await counts(access.communeId);
    const preview = await previewResidentList(access, first, MB);
    expect(await counts(access.communeId)).toEqual(before);
    expect(preview).toMatchObject({
      kind: "csv",
      totalRows: 8,
      created: 4,
      updated: 0,
      unchanged: 0,
      skippedRows: 4,
      householdsCreated: 2,
      representativesSet: 1,
      errorCount: 4,
    });
    expect(preview.errors.map((e) => [e.row, e.code])).toEqual([
      [6, "listRowVillageUnknown"],
      [7, "listRowCodeMissing"],
      [8, "listRowBirthYearInvalid"],
      [9, "listRowDuplicate"],
    ]);
  });

  it("imports the good rows in one go, with the batch, the audit event and the village counts", async () => {
    const access = await staff();
    const before = await counts(access.communeId);
    const village = await db.village.findFirstOrThrow({ where: { communeId: access.communeId, name: "Phú Khương" } });
    const result = await importResidentList(access, first, sha(first.bytes), MB);
    expect(result).toMatchObject({ created: 4, updated: 0, skippedRows: 4, householdsCreated: 2 });
    expect(await counts(access.communeId)).toEqual({ ...before, households: before.households + 2, residents: before.residents + 4, batches: before.batches + 1, events: before.events + 1 });

    const household = await db.household.findFirstOrThrow({
      where: { communeId: access.communeId, code: "IMP-001" },
      select: { address: true, villageId: true, representative: { select: { fullName: true } }, members: { select: { fullName: true, villageId: true } } },
    });
    expect(household).toMatchObject({ address: "Tổ 1, Phú Khương", villageId: village.id, representative: { fullName: "Nguyễn Văn Nhập" } });
    expect(household.members.map((m) => m.fullName).sort()).toEqual(["Lê Thị Nhập", "Nguyen Van Con", "Nguyễn Văn Nhập"]);
    expect(household.members.every((m) => m.villageId === village.id)).toBe(true);
    expect((await db.village.findUniqueOrThrow({ where: { id: village.id } })).householdCount).toBe(village.householdCount + 1);

    const batch = await db.importBatch.findUniqueOrThrow({ where: { id: result.batchId } });
    expect(batch).toMatchObject({ fileName: "danh-sach-dot-1.csv", rowCount: 8, created: 4, updated: 0, createdById: access.userId });
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: result.batchId } });
    expect(event).toMatchObject({ action: "residents.import", actorRole: "STAFF" });
    expect(event.details).toMatchObject({ rows: 8, created: 4, skipped: 4, householdsCreated: 2, representativesSet: 1 });
  });

  it("re-imports with changes: updates, never duplicates", async () => {
    const access = await staff();
    const second = csv("danh-sach-dot-2.csv", [
      HEADER,
      "Phú Khương,imp-001,\"Tổ 2, Phú Khương\",Nguyễn Văn Nhập,1960,", // address changed, code typed in lower case
      "Phú Khương,IMP-001,,Lê Thị Nhập,1963,x", // now the representative
      "Phú Khương,IMP-001,,Nguyễn Văn Con,1990,", // diacritics corrected: same person
      "Phú Khương,IMP-001,,Nguyễn Thị Cháu,2015,", // new member
      "Tân Phú 1,IMP-002,Tổ 4,Trần Văn Hai,1975,", // unchanged
      "Tân Phú 1,IMP-001,,Người Sai Thôn,1980,", // IMP-001 is in Phú Khương: refused
    ]);
    const before = await counts(access.communeId);
    const result = await importResidentList(access, second, sha(second.bytes), MB);
    expect(result).toMatchObject({ created: 1, updated: 3, unchanged: 1, skippedRows: 1, householdsCreated: 0, householdsUpdated: 1, representativesSet: 1 });
    expect(result.errors.map((e) => [e.row, e.code])).toEqual([[7, "listRowHouseholdVillageMismatch"]]);
    const after = await counts(access.communeId);
    expect(after.households).toBe(before.households);
    expect(after.residents).toBe(before.residents + 1);

    const household = await db.household.findFirstOrThrow({
      where: { communeId: access.communeId, code: "IMP-001" },
      select: { address: true, representative: { select: { fullName: true } }, members: { select: { fullName: true } } },
    });
    expect(household.address).toBe("Tổ 2, Phú Khương");
    expect(household.representative?.fullName).toBe("Lê Thị Nhập");
    expect(household.members.map((m) => m.fullName).sort()).toEqual(["Lê Thị Nhập", "Nguyễn Thị Cháu", "Nguyễn Văn Con", "Nguyễn Văn Nhập"]);

    // The same file once more changes nothing at all.
    const again = await importResidentList(access, second, sha(second.bytes), MB);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 5, skippedRows: 1 });
    expect((await counts(access.communeId)).residents).toBe(after.residents);
  });

  it("refuses a household code that the list has in another village", async () => {
    const access = await staff();
    const file = csv("sai-thon.csv", [HEADER, "Long Bình,IMP-002,,Trần Văn Hai,1975,"]);
    const preview = await previewResidentList(access, file, MB);
    expect(preview.errors).toEqual([{ row: 2, column: "village", code: "listRowHouseholdInOtherVillage", params: { code: "IMP-002", village: "Tân Phú 1" } }]);
    expect(preview.created + preview.updated + preview.unchanged).toBe(0);
  });

  it("imports XLSX the same way", async () => {
    const access = await staff();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("DS");
    sheet.addRow(["DANH SÁCH HỘ GIA ĐÌNH THÔN ĐỒNG MIẾU"]);
    sheet.addRow(["Thon", "Ma ho", "Ho va ten", "Nam sinh", "Dai dien ho"]);
    sheet.addRow(["Đồng Miếu", "XL-01", "Hồ Văn Excel", 1955, "x"]);
    sheet.addRow(["Đồng Miếu", "XL-01", "Hồ Thị Excel", new Date(Date.UTC(1958, 1, 3)), null]);
    const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const result = await importResidentList(access, { name: "dong-mieu.xlsx", bytes }, sha(bytes), MB);
    expect(result).toMatchObject({ kind: "xlsx", created: 2, skippedRows: 0, representativesSet: 1 });
    const household = await db.household.findFirstOrThrow({ where: { code: "XL-01" }, select: { representative: { select: { fullName: true } }, members: { select: { birthYear: true } } } });
    expect(household.representative?.fullName).toBe("Hồ Văn Excel");
    expect(household.members.map((m) => m.birthYear).sort()).toEqual([1955, 1958]);
  });

  it("refuses a file other than the one previewed", async () => {
    const access = await staff();
    const file = csv("a.csv", [HEADER, "Phú Khương,IMP-009,,Ai Đó,1970,"]);
    await expect(importResidentList(access, file, "0".repeat(64), MB)).rejects.toMatchObject({ code: "listChangedSincePreview", status: 409 });
    expect(await db.household.count({ where: { code: "IMP-009" } })).toBe(0);
  });

  it("is all or nothing: a failure in the middle of the write leaves nothing behind", async () => {
    const access = await staff();
    const before = await counts(access.communeId);
    // A real failure inside PostgreSQL, after the households are written: a trigger refuses one resident.
    await db.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION refuse_test_resident() RETURNS trigger AS $$
      BEGIN IF NEW."fullName" = 'Người Gây Lỗi' THEN RAISE EXCEPTION 'refused by test trigger'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`CREATE TRIGGER refuse_test_resident BEFORE INSERT ON "Resident" FOR EACH ROW EXECUTE FUNCTION refuse_test_resident()`);
    try {
      const file = csv("loi.csv", [HEADER, "Phú Khương,ROLLBACK-1,,Người Bình Thường,1970,x", "Phú Khương,ROLLBACK-2,,Người Gây Lỗi,1971,"]);
      await expect(importResidentList(access, file, sha(file.bytes), MB)).rejects.toThrow();
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER refuse_test_resident ON "Resident"`);
      await db.$executeRawUnsafe(`DROP FUNCTION refuse_test_resident()`);
    }
    expect(await counts(access.communeId)).toEqual(before);
    expect(await db.household.count({ where: { code: { startsWith: "ROLLBACK-" } } })).toBe(0);
  });
});

describe("a 10,000-row list", () => {
  it("imports in seconds, and re-imports without duplicating", async () => {
    const access = await staff();
    const villages = await db.village.findMany({ where: { communeId: access.communeId }, select: { name: true }, orderBy: { name: "asc" } });
    const family = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan", "Đặng"];
    const middle = ["Văn", "Thị", "Minh", "Hồng"];
    const given = ["An", "Bình", "Cường", "Dũng", "Hà", "Hạnh", "Hùng", "Lan", "Mai", "Nam", "Phúc", "Quang", "Sơn", "Tâm", "Thảo", "Vy"];
    const lines = [HEADER];
    for (let h = 0; h < 2500; h++) {
      const village = villages[h % villages.length]!.name;
      for (let m = 0; m < 4; m++) {
        const name = `${family[h % family.length]} ${middle[m]} ${given[(h * 3 + m) % given.length]}`;
        lines.push(`${village},BIG-${String(h).padStart(5, "0")},Tổ ${h % 9},${name},${1950 + ((h + m * 7) % 60)},${m === 0 ? "x" : ""}`);
      }
    }
    const file = csv("10000-dong.csv", lines);
    const before = await counts(access.communeId);

    let started = performance.now();
    const preview = await previewResidentList(access, file, MB);
    const previewMs = performance.now() - started;
    expect(preview).toMatchObject({ totalRows: 10_000, created: 10_000, skippedRows: 0, householdsCreated: 2500 });

    started = performance.now();
    const result = await importResidentList(access, file, preview.sha256, MB);
    const importMs = performance.now() - started;
    expect(result).toMatchObject({ created: 10_000, householdsCreated: 2500, representativesSet: 2500 });
    expect(await counts(access.communeId)).toMatchObject({ households: before.households + 2500, residents: before.residents + 10_000 });

    started = performance.now();
    const again = await importResidentList(access, file, preview.sha256, MB);
    const reimportMs = performance.now() - started;
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 10_000 });
    expect(await counts(access.communeId)).toMatchObject({ households: before.households + 2500, residents: before.residents + 10_000 });

    console.log(
      `[people] 10,000-row CSV (${(file.bytes.byteLength / 1024).toFixed(0)} KB): preview ${previewMs.toFixed(0)} ms, import ${importMs.toFixed(0)} ms, re-import ${reimportMs.toFixed(0)} ms`,
    );
    // Row-by-row writing takes far longer than this even on an idle machine; the bound is loose for busy CI.
    expect(importMs).toBeLessThan(30_000);

    // The same list as an Excel workbook: reading it is the slower part.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Danh sách");
    for (const line of lines) sheet.addRow(line.split(","));
    const xlsx = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    started = performance.now();
    const xlsxPreview = await previewResidentList(access, { name: "10000-dong.xlsx", bytes: xlsx }, MB);
    const xlsxMs = performance.now() - started;
    expect(xlsxPreview).toMatchObject({ kind: "xlsx", totalRows: 10_000, unchanged: 10_000 });
    console.log(`[people] 10,000-row XLSX (${(xlsx.byteLength / 1024).toFixed(0)} KB): preview ${xlsxMs.toFixed(0)} ms`);
  });
});
