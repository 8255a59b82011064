import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { CommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { appendAudit } from "@/lib/oversight/audit";
import { accessAs, OTHER_STAFF_EMAIL, RESIDENT_PHONE, seedDemo, STAFF_EMAIL } from "@/scripts/test/fixtures";

import { issueDocumentNumber } from "./issue-number";
import { setNumberingMode } from "./numbering-mode";
import { readRegister } from "./read-register";
import { recordRegisterNumber } from "./record-number";

let staff: CommuneAccess;

// Each test uses its own year, so that the sequences of one test never meet another's.
const inYear = (year: number, month = 6, day = 15) => new Date(Date.UTC(year, month - 1, day, 3));
const waitLong = { maxWait: 60_000, timeout: 60_000 };

beforeAll(async () => {
  await seedDemo();
  staff = await accessAs(STAFF_EMAIL, "thien-tin", ["STAFF"]);
});

const numbersIn = async (communeId: string, year: number, type: "BC" | "TB") =>
  (await db.issuedDocument.findMany({ where: { communeId, year, type }, orderBy: { number: "asc" }, select: { number: true } })).map((d) => d.number);

describe("issueDocumentNumber: Dân Bàn numbers in sequence (settings.documentNumbering = SEQUENCE)", () => {
  it("gives 50 concurrent transactions the numbers 1 to 50, each once, with the label and an audit event", async () => {
    const year = 2031;
    const issued = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        db.$transaction((tx) => issueDocumentNumber(tx, staff, { type: "BC", subject: `Báo cáo thử ${i}`, issuedAt: inYear(year) }), waitLong),
      ),
    );
    expect(issued.map((d) => d.number!).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(await numbersIn(staff.communeId, year, "BC")).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(issued.find((d) => d.number === 5)!.label).toBe("05/BC-UBND");
    expect(issued.find((d) => d.number === 10)!.label).toBe("10/BC-UBND");
    const counter = await db.documentCounter.findUniqueOrThrow({ where: { communeId_year_type: { communeId: staff.communeId, year, type: "BC" } } });
    expect(counter.lastNumber).toBe(50);
    expect(await db.auditEvent.count({ where: { action: "document.issue", entityId: { in: issued.map((d) => d.id) } } })).toBe(50);
  });

  it("does not deadlock when callers append to the audit log before issuing a number", async () => {
    const year = 2037;
    const issued = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        db.$transaction(async (tx) => {
          // Half of the callers record their own change first, as a report approval will.
          if (i % 2 === 0) {
            await appendAudit(tx, { communeId: staff.communeId, actorId: staff.userId, actorRole: "STAFF", action: "test.before-issue", entityType: "Test", entityId: String(i) });
          }
          return issueDocumentNumber(tx, staff, { type: "KH", subject: `Kế hoạch ${i}`, issuedAt: inYear(year) });
        }, waitLong),
      ),
    );
    expect(issued.map((d) => d.number!).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it("consumes no number when the caller's transaction rolls back, even the year's first", async () => {
    const year = 2032;
    await expect(
      db.$transaction(async (tx) => {
        await issueDocumentNumber(tx, staff, { type: "TB", subject: "Thông báo bị hủy", issuedAt: inYear(year) });
        throw new Error("the approval failed");
      }),
    ).rejects.toThrow("the approval failed");
    const first = await db.$transaction((tx) => issueDocumentNumber(tx, staff, { type: "TB", subject: "Thông báo", issuedAt: inYear(year) }));
    expect(first).toMatchObject({ number: 1, label: "01/TB-UBND" });

    await expect(
      db.$transaction(async (tx) => {
        await issueDocumentNumber(tx, staff, { type: "TB", subject: "Thông báo bị hủy", issuedAt: inYear(year) });
        throw new Error("the approval failed");
      }),
    ).rejects.toThrow();
    const second = await db.$transaction((tx) => issueDocumentNumber(tx, staff, { type: "TB", subject: "Thông báo", issuedAt: inYear(year) }));
    expect(second.number).toBe(2);
    expect(await numbersIn(staff.communeId, year, "TB")).toEqual([1, 2]);
    expect(await db.auditEvent.count({ where: { action: "document.issue", details: { path: ["year"], equals: year } } })).toBe(2);
  });

  it("keeps separate sequences per commune, per year and per type", async () => {
    const other = await accessAs(OTHER_STAFF_EMAIL, "nghia-hanh", ["STAFF"]);
    const issue = (access: CommuneAccess, type: "BC" | "TB", issuedAt: Date) =>
      db.$transaction((tx) => issueDocumentNumber(tx, access, { type, subject: "Sổ riêng", issuedAt }));
    expect((await issue(staff, "BC", inYear(2033))).number).toBe(1);
    expect((await issue(staff, "BC", inYear(2033))).number).toBe(2);
    expect((await issue(staff, "TB", inYear(2033))).number).toBe(1);
    expect((await issue(other, "BC", inYear(2033))).number).toBe(1);
    expect((await issue(staff, "BC", inYear(2034))).number).toBe(1);
    expect((await issue(staff, "BC", inYear(2033))).number).toBe(3);
  });

  it("starts the new year's register at midnight in Vietnam, not in UTC", async () => {
    // 31 December 2034, 17:30 UTC is 1 January 2035, 00:30 in Vietnam.
    const issued = await db.$transaction((tx) => issueDocumentNumber(tx, staff, { type: "TB", subject: "Đầu năm", issuedAt: new Date(Date.UTC(2034, 11, 31, 17, 30)) }));
    expect(issued).toMatchObject({ year: 2035, number: 1 });
  });

  it("lets staff and leaders issue numbers, and nobody else", async () => {
    const tryIssue = async (identifier: string, roles: Parameters<typeof accessAs>[2]) => {
      const access = await accessAs(identifier, "thien-tin", roles);
      try {
        return (await db.$transaction((tx) => issueDocumentNumber(tx, access, { type: "BB", subject: "Quyền", issuedAt: inYear(2036) }))).number;
      } catch (e) {
        if (isAppError(e)) return e.status;
        throw e;
      }
    };
    expect(await tryIssue("chutich@thientin.danban.local", ["LEADER"])).toBe(1);
    expect(await tryIssue(STAFF_EMAIL, ["STAFF"])).toBe(2);
    expect(await tryIssue("mttq@thientin.danban.local", ["FRONT_REVIEWER"])).toBe(403);
    expect(await tryIssue("truongthon.phukhuong@thientin.danban.local", ["VILLAGE_HEAD"])).toBe(403);
    expect(await tryIssue(RESIDENT_PHONE, ["RESIDENT"])).toBe(403);
    // A refusal consumes nothing either.
    expect(await tryIssue(STAFF_EMAIL, ["STAFF"])).toBe(3);
  });
});

describe("the office's own register (settings.documentNumbering = TYPED)", () => {
  let leader: CommuneAccess;
  const issue = (type: "BC" | "TB" | "QD", issuedAt: Date, subject = "Văn bản") => db.$transaction((tx) => issueDocumentNumber(tx, staff, { type, subject, issuedAt }));
  const typeNumber = async (documentId: string, number: number) => {
    try {
      return (await recordRegisterNumber(staff, { communeId: staff.communeId, documentId, number })).label;
    } catch (e) {
      if (isAppError(e)) return `${e.status} ${e.code}`;
      throw e;
    }
  };

  beforeAll(async () => {
    leader = await accessAs("chutich@thientin.danban.local", "thien-tin", ["LEADER"]);
    await setNumberingMode(leader, { communeId: leader.communeId, mode: "TYPED" });
  });
  afterAll(async () => {
    await setNumberingMode(leader, { communeId: leader.communeId, mode: "SEQUENCE" });
  });

  it("writes the line without a number, and staff type the number the register gave", async () => {
    const line = await issue("BC", inYear(2041), "Báo cáo tổng hợp ý kiến");
    expect(line).toMatchObject({ number: null, label: null, year: 2041 });
    const register = await readRegister(staff.communeId, { year: 2041 });
    expect(register.mode).toBe("TYPED");
    expect(register.awaiting.map((l) => l.id)).toContain(line.id);
    expect(await typeNumber(line.id, 12)).toBe("12/BC-UBND");
    const after = await readRegister(staff.communeId, { year: 2041, type: "BC" });
    expect(after.awaiting.map((l) => l.id)).not.toContain(line.id);
    expect(after.lines.find((l) => l.id === line.id)).toMatchObject({ number: 12, label: "12/BC-UBND", subject: "Báo cáo tổng hợp ý kiến" });
    expect(await db.auditEvent.count({ where: { action: "document.number", entityId: line.id } })).toBe(1);
    // A number once given is never typed over.
    expect(await typeNumber(line.id, 13)).toBe("409 registerAlreadyNumbered");
  });

  it("refuses a number already used in the same type and year, and takes it in another type or year", async () => {
    const first = await issue("BC", inYear(2042));
    const second = await issue("BC", inYear(2042));
    const notice = await issue("TB", inYear(2042));
    const nextYear = await issue("BC", inYear(2043));
    expect(await typeNumber(first.id, 7)).toBe("07/BC-UBND");
    expect(await typeNumber(second.id, 7)).toBe("409 registerNumberTaken");
    // The refusal changed nothing: the line still waits, and takes a free number.
    expect((await db.issuedDocument.findUniqueOrThrow({ where: { id: second.id } })).number).toBeNull();
    expect(await typeNumber(second.id, 8)).toBe("08/BC-UBND");
    expect(await typeNumber(notice.id, 7)).toBe("07/TB-UBND");
    // A new year restarts the register: 7 is free again in 2043.
    expect(await typeNumber(nextYear.id, 7)).toBe("07/BC-UBND");
  });

  it("lets only one of two clerks typing the same number at once have it (the database's unique key)", async () => {
    const a = await issue("QD", inYear(2044));
    const b = await issue("QD", inYear(2044));
    const results = await Promise.all([typeNumber(a.id, 3), typeNumber(b.id, 3)]);
    expect(results.sort()).toEqual(["03/QD-UBND", "409 registerNumberTaken"]);
    expect(await db.issuedDocument.count({ where: { communeId: staff.communeId, year: 2044, type: "QD", number: 3 } })).toBe(1);
  });

  it("refuses a number that is not a whole number from 1, and the lines of another commune", async () => {
    const { registerNumberSchema } = await import("./schemas");
    expect(registerNumberSchema.safeParse({ communeId: "c", documentId: "d", number: "0" }).success).toBe(false);
    expect(registerNumberSchema.safeParse({ communeId: "c", documentId: "d", number: "2.5" }).success).toBe(false);
    expect(registerNumberSchema.safeParse({ communeId: "c", documentId: "d", number: "12" }).success).toBe(true);
    const line = await issue("TB", inYear(2045));
    const other = await accessAs(OTHER_STAFF_EMAIL, "nghia-hanh", ["STAFF"]);
    await expect(recordRegisterNumber(other, { communeId: other.communeId, documentId: line.id, number: 1 })).rejects.toMatchObject({ status: 404 });
    const front = await accessAs("mttq@thientin.danban.local", "thien-tin", ["FRONT_REVIEWER"]);
    await expect(recordRegisterNumber(front, { communeId: front.communeId, documentId: line.id, number: 1 })).rejects.toMatchObject({ status: 403 });
  });

  it("continues after the highest typed number when the commune goes back to Dân Bàn's sequence, keeping its other settings", async () => {
    await db.$executeRaw`UPDATE "Commune" SET "settings" = jsonb_set("settings", '{lateEntryDays}', '5') WHERE "id" = ${staff.communeId}`;
    const typed = await issue("TB", inYear(2046));
    expect(await typeNumber(typed.id, 40)).toBe("40/TB-UBND");
    await setNumberingMode(leader, { communeId: leader.communeId, mode: "SEQUENCE" });
    try {
      expect((await issue("TB", inYear(2046))).label).toBe("41/TB-UBND");
      const settings = (await db.commune.findUniqueOrThrow({ where: { id: staff.communeId }, select: { settings: true } })).settings as Record<string, unknown>;
      expect(settings).toMatchObject({ lateEntryDays: 5, documentNumbering: "SEQUENCE" });
      await expect(setNumberingMode(staff, { communeId: staff.communeId, mode: "TYPED" })).rejects.toMatchObject({ status: 403 });
    } finally {
      await db.$executeRaw`UPDATE "Commune" SET "settings" = "settings" - 'lateEntryDays' WHERE "id" = ${staff.communeId}`;
      await setNumberingMode(leader, { communeId: leader.communeId, mode: "TYPED" });
    }
  });
});
