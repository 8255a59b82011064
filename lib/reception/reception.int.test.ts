// Citizen reception against real PostgreSQL: the weekly floor of the chair's days (Law 42/2013 Art.
// 15.2.d) at exactly one day, booking capacity and one booking a person a day, the register's ID
// numbers masked in lists and every full read audited, who may see them (never the Front nor a village
// head), the representatives rule (Art. 29), the one-step case, the conclusion notice (Art. 25.2) and
// the export.
import { beforeAll, describe, expect, it } from "vitest";

import type { CommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { accessAs, communeId, OTHER_STAFF_EMAIL, RESIDENT_PHONE, seedDemo, STAFF_EMAIL, userId } from "@/scripts/test/fixtures";

import { bookSlot, cancelBooking } from "./bookings";
import { handleConclusionDownload, issueConclusionNotice } from "./conclusion-notice";
import { handleRegisterExport, registerCsv } from "./export";
import { listRegister, openCaseFromVisit, openSession, readVisit, readVisitIdNumber, recordVisit, visitOfCase } from "./register";
import { REGISTER_KEEPER_ROLES, REGISTER_READER_ROLES } from "./roles";
import { readSchedule, saveSchedule, upcomingDays } from "./schedule";
import { scheduleSchema, visitSchema, type VisitInput } from "./schemas";

const FRONT_EMAIL = "mttq@thientin.danban.local";
const HEAD_EMAIL = "truongthon.tanphu1@thientin.danban.local";
const CHAIR_EMAIL = "chutich@thientin.danban.local";
const OTHER_RESIDENT = "0901000003";

let thienTin: string;
let staff: CommuneAccess;
let chair: CommuneAccess;
let front: CommuneAccess;
let sessionId: string;

/** The error an async call throws: its code, status and params. */
async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (error) {
    if (isAppError(error)) return { code: error.code, status: error.status, params: error.params };
    throw error;
  }
  throw new Error("expected a refusal");
}

const schedule = (weekdays: unknown, extra: Record<string, unknown> = {}) =>
  scheduleSchema.parse({ communeId: thienTin, weekdays, place: "Phòng tiếp công dân", startTime: "07:30", endTime: "09:30", slotMinutes: 30, slotCapacity: 1, ...extra });
const visit = (input: Partial<VisitInput>) =>
  visitSchema.parse({ communeId: thienTin, sessionId, visitorName: "Trần Văn Ba", visitorAddress: "Thôn Phú Thọ", summary: "Đề nghị xem xét lại việc cấp nước sinh hoạt cho xóm.", kind: "PETITION", ...input });
const idReads = (visitId: string) => db.auditEvent.count({ where: { entityId: visitId, action: "reception.visit.read-id" } });

beforeAll(async () => {
  await seedDemo();
  thienTin = await communeId("thien-tin");
  staff = await accessAs(STAFF_EMAIL, "thien-tin", [...REGISTER_KEEPER_ROLES]);
  chair = await accessAs(CHAIR_EMAIL, "thien-tin", [...REGISTER_KEEPER_ROLES]);
  front = await accessAs(FRONT_EMAIL, "thien-tin", [...REGISTER_READER_ROLES]);
  sessionId = (await openSession(chair, { communeId: thienTin, heldOn: "2026-12-03", hostId: chair.userId, place: null })).id;
});

describe("the chair's reception days", () => {
  it("refuses a schedule below one day a week, citing Law 42/2013 Art. 15.2.d, and keeps the old one", async () => {
    const before = await readSchedule(thienTin);
    const refused = await refusal(saveSchedule(staff, schedule("")));
    expect(refused).toMatchObject({ code: "receptionBelowWeeklyFloor", status: 422, params: { min: 1 } });
    expect(String(refused.params.article)).toContain("Điều 15");
    expect(await readSchedule(thienTin)).toEqual(before);
  });

  it("accepts exactly one day a week, and more; audited", async () => {
    await saveSchedule(staff, schedule("3"));
    expect((await readSchedule(thienTin)).weekdays).toEqual([3]);
    await saveSchedule(staff, schedule("2, 4, 2"));
    expect((await readSchedule(thienTin)).weekdays).toEqual([2, 4]);
    expect(await db.auditEvent.count({ where: { communeId: thienTin, action: "reception.schedule.save" } })).toBeGreaterThanOrEqual(2);
  });

  it("refuses a weekday outside 1–7 at validation", () => {
    expect(scheduleSchema.safeParse({ communeId: thienTin, weekdays: "0", place: "Trụ sở", startTime: "07:30", endTime: "09:00", slotMinutes: 30, slotCapacity: 1 }).success).toBe(false);
  });
});

describe("booking a slot", () => {
  it("holds the slot's capacity and one booking a person a day; cancelling frees the place", async () => {
    await saveSchedule(staff, schedule("3", { slotCapacity: 1 }));
    const day = upcomingDays({ weekdays: [3] }, new Date(), 2)[1]!;
    const resident = await accessAs(RESIDENT_PHONE, "thien-tin", ["RESIDENT"]);
    const other = await accessAs(OTHER_RESIDENT, "thien-tin", ["RESIDENT"]);

    const first = await bookSlot(resident, { communeId: thienTin, day, slotTime: "07:30", topic: "Cấp nước" });
    expect(await refusal(bookSlot(other, { communeId: thienTin, day, slotTime: "07:30", topic: null }))).toMatchObject({ code: "receptionSlotFull", status: 409 });
    // The same person, another slot of the same day: refused.
    expect(await refusal(bookSlot(resident, { communeId: thienTin, day, slotTime: "08:00", topic: null }))).toMatchObject({ code: "receptionOneBookingPerDay", status: 409 });
    // Two at once for the last place: one wins.
    const race = await Promise.allSettled([bookSlot(other, { communeId: thienTin, day, slotTime: "08:00", topic: null }), bookSlot(other, { communeId: thienTin, day, slotTime: "09:00", topic: null })]);
    expect(race.filter((r) => r.status === "fulfilled")).toHaveLength(1);

    await cancelBooking(resident, first.id);
    await bookSlot(resident, { communeId: thienTin, day, slotTime: "07:30", topic: null });
    expect(await db.receptionBooking.count({ where: { communeId: thienTin, day: new Date(`${day}T00:00:00Z`), cancelledAt: null } })).toBe(2);
  });

  it("refuses a day that is not a reception day, and a slot outside the hours", async () => {
    const resident = await accessAs(RESIDENT_PHONE, "thien-tin", ["RESIDENT"]);
    const thursday = upcomingDays({ weekdays: [4] }, new Date(), 2)[1]!;
    const wednesday = upcomingDays({ weekdays: [3] }, new Date(), 3)[2]!;
    expect(await refusal(bookSlot(resident, { communeId: thienTin, day: thursday, slotTime: "07:30", topic: null }))).toMatchObject({ code: "receptionNotADay" });
    expect(await refusal(bookSlot(resident, { communeId: thienTin, day: wednesday, slotTime: "09:30", topic: null }))).toMatchObject({ code: "receptionNoSuchSlot" });
  });
});

describe("the register's ID numbers", () => {
  let visitId: string;

  beforeAll(async () => {
    visitId = (await recordVisit(staff, visit({ idNumber: "051 089 123 456" }))).id;
  });

  it("lists show the last three digits only, and a list is no read of the number", async () => {
    const lines = await listRegister(staff, { sessionId });
    const line = lines.find((l) => l.id === visitId)!;
    expect(line.idNumber).toMatch(/^•+456$/);
    expect(line.idNumber).not.toContain("051089");
    expect(await idReads(visitId)).toBe(0);
  });

  it("staff and the chair read the full number, each read audited; the audit record never holds it", async () => {
    expect((await readVisit(staff, visitId)).idNumber).toBe("051089123456");
    expect(await readVisitIdNumber(chair, visitId)).toBe("051089123456");
    expect(await idReads(visitId)).toBe(2);
    const events = await db.auditEvent.findMany({ where: { entityId: visitId } });
    expect(JSON.stringify(events, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v))).not.toContain("051089123456");
  });

  it("the Front reads the entry without any ID number, unaudited, and is refused the number (403)", async () => {
    const seen = await readVisit(front, visitId);
    expect(seen.idNumber).toBeNull();
    expect(seen.hasIdNumber).toBe(false);
    expect((await listRegister(front, { sessionId })).every((l) => l.idNumber === null)).toBe(true);
    expect(await refusal(readVisitIdNumber(front, visitId))).toMatchObject({ status: 403 });
    expect(await idReads(visitId)).toBe(2);
  });

  it("the Front does not see a denouncer's identity", async () => {
    const denunciation = await recordVisit(staff, visit({ kind: "DENUNCIATION", visitorName: "Người Tố Cáo", idNumber: "079000111222" }));
    const seen = await readVisit(front, denunciation.id);
    expect(seen.visitorName).toBeNull();
    expect(seen.visitorAddress).toBeNull();
  });

  it("a village head cannot open the register at all, nor read an ID number", async () => {
    expect(await refusal(accessAs(HEAD_EMAIL, "thien-tin", [...REGISTER_READER_ROLES]))).toMatchObject({ status: 403 });
    const head = await accessAs(HEAD_EMAIL, "thien-tin", ["VILLAGE_HEAD"]);
    expect(await refusal(readVisitIdNumber(head, visitId))).toMatchObject({ status: 403 });
    expect(await refusal(recordVisit(head, visit({})))).toMatchObject({ status: 403 });
    expect(await refusal(recordVisit(front, visit({})))).toMatchObject({ status: 403 });
  });

  it("another commune's staff do not find the entry", async () => {
    const otherStaff = await accessAs(OTHER_STAFF_EMAIL, "nghia-hanh", [...REGISTER_KEEPER_ROLES]);
    expect(await refusal(readVisit(otherStaff, visitId))).toMatchObject({ status: 404 });
    expect(await refusal(recordVisit(otherStaff, { ...visit({}), communeId: otherStaff.communeId }))).toMatchObject({ status: 404 });
  });

  it("the export holds the Mẫu 03 columns and the numbers for staff, each line with one an audited read; others are refused", async () => {
    const before = await db.auditEvent.count({ where: { communeId: thienTin, action: "reception.register.export-id" } });
    const csv = await registerCsv(staff);
    expect(csv.split("\n")[0]).toContain("Số CCCD/Hộ chiếu");
    expect(csv).toContain("051089123456");
    const withIds = await db.receptionVisit.count({ where: { communeId: thienTin, idNumber: { not: null } } });
    expect(await db.auditEvent.count({ where: { communeId: thienTin, action: "reception.register.export-id" } })).toBe(before + withIds);
    for (const who of [FRONT_EMAIL, HEAD_EMAIL, RESIDENT_PHONE]) expect((await handleRegisterExport("thien-tin", await userId(who))).status).toBe(403);
    expect((await handleRegisterExport("thien-tin", null)).status).toBe(401);
    expect((await handleRegisterExport("thien-tin", staff.userId)).status).toBe(200);
  });
});

describe("many people with one content (Law 42/2013 Art. 29)", () => {
  it("5–10 people name one or two representatives; more than 10 at most five", async () => {
    const none = await refusal(recordVisit(staff, visit({ peopleCount: 7, representatives: "" })));
    expect(none).toMatchObject({ code: "receptionRepresentatives", params: { min: 1, max: 2 } });
    expect(String(none.params.article)).toContain("Điều 29");
    expect(await refusal(recordVisit(staff, visit({ peopleCount: 10, representatives: "A\nB\nC" })))).toMatchObject({ code: "receptionRepresentatives" });
    expect(await refusal(recordVisit(staff, visit({ peopleCount: 11, representatives: "A\nB\nC\nD\nE\nF" })))).toMatchObject({ params: { max: 5 } });
    await recordVisit(staff, visit({ peopleCount: 5, representatives: "Nguyễn A\nTrần B" }));
    await recordVisit(staff, visit({ peopleCount: 11, representatives: "A\nB\nC\nD\nE" }));
    await recordVisit(staff, visit({ peopleCount: 4, representatives: "" }));
  });
});

describe("a visit opens a case in one step", () => {
  it("files the case (source RECEPTION, entered by the official, the visitor as sender) and links both ways", async () => {
    const recorded = await recordVisit(staff, visit({ kind: "COMPLAINT", openCase: true, visitorName: "Lý Thị Cúc" }));
    expect(recorded.caseId).not.toBeNull();
    const filed = await db.case.findUniqueOrThrow({ where: { id: recorded.caseId! } });
    expect(filed).toMatchObject({ source: "RECEPTION", enteredById: staff.userId, filedById: null, senderName: "Lý Thị Cúc", kind: "COMPLAINT", isPublic: false });
    expect((await visitOfCase(thienTin, filed.id))?.id).toBe(recorded.id);
  });

  it("writes nothing when the case is refused (a petition needs a category)", async () => {
    const before = await db.receptionVisit.count({ where: { communeId: thienTin } });
    expect(await refusal(recordVisit(staff, visit({ kind: "PETITION", openCase: true })))).toMatchObject({ status: 422 });
    expect(await db.receptionVisit.count({ where: { communeId: thienTin } })).toBe(before);
  });

  it("opens the case of a visit recorded without one, once", async () => {
    const recorded = await recordVisit(staff, visit({ kind: "DENUNCIATION" }));
    const opened = await openCaseFromVisit(staff, recorded.id, null);
    expect((await db.receptionVisit.findUniqueOrThrow({ where: { id: recorded.id } })).caseId).toBe(opened.caseId);
    expect(await refusal(openCaseFromVisit(staff, recorded.id, null))).toMatchObject({ code: "receptionVisitHasCase" });
    expect(await refusal(openCaseFromVisit(front, recorded.id, null))).toMatchObject({ status: 403 });
  });
});

describe("the conclusion notice (Law 42/2013 Art. 25.2)", () => {
  it("is numbered once (TB) for a head's session and downloads as DOCX and PDF for staff and the Front only", async () => {
    const issued = await issueConclusionNotice(staff, sessionId);
    expect(issued.label).toMatch(/^\d{2,}\/TB-UBND$/);
    expect(await refusal(issueConclusionNotice(staff, sessionId))).toMatchObject({ code: "receptionNoticeIssued" });
    const pdf = await handleConclusionDownload("thien-tin", sessionId, "pdf", staff.userId);
    expect(pdf.status).toBe(200);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
    const docx = await handleConclusionDownload("thien-tin", sessionId, "docx", front.userId);
    expect(docx.status).toBe(200);
    expect(Buffer.from(await docx.arrayBuffer()).subarray(0, 2).toString()).toBe("PK");
    expect((await handleConclusionDownload("thien-tin", sessionId, "pdf", await userId(HEAD_EMAIL))).status).toBe(403);
    expect((await handleConclusionDownload("thien-tin", sessionId, "pdf", await userId(RESIDENT_PHONE))).status).toBe(403);
    const otherStaff = await userId(OTHER_STAFF_EMAIL);
    expect((await handleConclusionDownload("nghia-hanh", sessionId, "pdf", otherStaff)).status).toBe(404);
  });

  it("is refused for a session of the staff desk", async () => {
    const desk = await openSession(staff, { communeId: thienTin, heldOn: "2026-12-02", hostId: staff.userId, place: null });
    await recordVisit(staff, { ...visit({}), sessionId: desk.id });
    expect(await refusal(issueConclusionNotice(staff, desk.id))).toMatchObject({ code: "receptionNoticeHeadOnly" });
  });
});
