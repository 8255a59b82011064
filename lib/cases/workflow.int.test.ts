// The case workflow against real PostgreSQL: states and their clocks, the acknowledgement, refusal and
// transfer, reclassification into a private kind, merging, following, the four-week question and the
// reopen it may bring, classification privacy in every list, and who may do what.
import { beforeAll, describe, expect, it } from "vitest";

import { type CommuneAccess, requireCommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { accessAs, communeId, OTHER_STAFF_EMAIL, RESIDENT_PHONE, seedDemo, STAFF_EMAIL, userId } from "@/scripts/test/fixtures";

import { listCategories, saveCategory } from "./categories";
import { fileCase } from "./file-case";
import { answerFixCheck, askDueFixChecks } from "./fix-check";
import { followCase } from "./follow";
import { getCaseForResident, getStaffCase, listCasesForFront, listPublicCases, listStaffCases } from "./list-cases";
import { CASE_RESIDENT_ROLES, CASE_STAFF_ROLES } from "./roles";
import { assignHandler, mergeCases, moveCase, reclassifyCase } from "./workflow";

const LEADER = "chutich@thientin.danban.local";
const FRONT = "mttq@thientin.danban.local";
const SECOND_RESIDENT = "0901000002";
const vn = (iso: string) => new Date(`${iso}+07:00`);
const endOf = (day: string) => vn(`${day}T23:59:59.999`);
const DAY = 86_400_000;

let thienTin: string;
let resident: CommuneAccess;
let staff: CommuneAccess;
let leader: CommuneAccess;
let lights: string;

beforeAll(async () => {
  await seedDemo();
  thienTin = await communeId("thien-tin");
  resident = await accessAs(RESIDENT_PHONE, "thien-tin", CASE_RESIDENT_ROLES);
  staff = await accessAs(STAFF_EMAIL, "thien-tin", CASE_STAFF_ROLES);
  leader = await accessAs(LEADER, "thien-tin", CASE_STAFF_ROLES);
  const existing = (await listCategories(thienTin)).find((c) => c.code === "test-lights");
  lights = existing?.id ?? (await saveCategory(staff, { categoryId: null, code: "test-lights", name: "Đèn đường (thử)", nameEn: "Street lights (test)", description: null, expectedResolutionDays: 14, active: true, sortOrder: 9 })).id;
});

const petition = (now?: Date, extra: Record<string, unknown> = {}) =>
  fileCase({ communeId: thienTin, userId: resident.userId, actorRole: "RESIDENT", source: "WEB" }, { kind: "PETITION", categoryId: lights, title: "Đèn đường hỏng ở ngã ba", body: "Ba bóng đèn không sáng từ tuần trước.", isPublic: true, ...extra }, { now });

describe("states and clocks", () => {
  it("accepted, in progress, resolved: the reply clock stops at the acknowledgement; each public step reaches the sender", async () => {
    const filed = await petition();
    const inbox = () => db.notification.count({ where: { userId: resident.userId, link: { endsWith: `/cases/${filed.number}` } } });
    const before = await inbox();
    await moveCase(staff, { caseId: filed.id, toState: "ACCEPTED", body: "Xã đã tiếp nhận, sẽ thay bóng trong tuần.", isPublic: true });
    let row = await db.case.findUniqueOrThrow({ where: { id: filed.id } });
    expect(row.state).toBe("ACCEPTED");
    expect(row.repliedAt).not.toBeNull();
    expect(row.resolveDueAt).toBeNull(); // petitions have no legal resolution deadline
    await moveCase(staff, { caseId: filed.id, toState: "IN_PROGRESS", body: "Đội điện đang làm.", isPublic: true });
    await moveCase(staff, { caseId: filed.id, toState: null, body: "Ghi chú nội bộ: chờ vật tư.", isPublic: false });
    await moveCase(staff, { caseId: filed.id, toState: "RESOLVED", body: "Đã thay ba bóng đèn.", isPublic: true });
    row = await db.case.findUniqueOrThrow({ where: { id: filed.id } });
    expect(row.state).toBe("RESOLVED");
    expect(row.fixCheckDueAt!.getTime() - row.resolvedAt!.getTime()).toBe(28 * DAY);
    expect(await inbox()).toBe(before + 3); // three public steps; the staff note is not sent
    // Resolved: the sender, and only the sender, is invited to rate how the case was handled.
    expect(await db.ratingInvite.findMany({ where: { subjectType: "CASE", subjectId: filed.id }, select: { userId: true, ratedAt: true } })).toEqual([{ userId: resident.userId, ratedAt: null }]);
    const page = await getCaseForResident(thienTin, filed.number, null);
    expect(page!.updates.map((u) => u.body)).not.toContain("Ghi chú nội bộ: chờ vật tư.");
    expect(await db.auditEvent.count({ where: { entityId: filed.id, action: { in: ["case.move", "case.update"] } } })).toBe(4);
  });

  it("refuses a transition the workflow does not allow, and refusal or transfer without their reason or body", async () => {
    const filed = await petition();
    await expect(moveCase(staff, { caseId: filed.id, toState: "RESOLVED", body: "x", isPublic: true })).rejects.toMatchObject({ status: 409 });
    await expect(moveCase(staff, { caseId: filed.id, toState: "REFUSED", body: "", isPublic: true, refusalReason: "" })).rejects.toMatchObject({ status: 422, fields: { refusalReason: "refusalReasonRequired" } });
    await expect(moveCase(staff, { caseId: filed.id, toState: "TRANSFERRED", body: "", isPublic: true, transferredTo: "" })).rejects.toMatchObject({ status: 422, fields: { transferredTo: "transferredToRequired" } });
    await moveCase(staff, { caseId: filed.id, toState: "TRANSFERRED", body: "", isPublic: true, transferredTo: "Điện lực huyện Tư Nghĩa" });
    const row = await db.case.findUniqueOrThrow({ where: { id: filed.id } });
    expect(row).toMatchObject({ state: "TRANSFERRED", transferredTo: "Điện lực huyện Tư Nghĩa" });
    expect(row.repliedAt).not.toBeNull();
    await expect(moveCase(staff, { caseId: filed.id, toState: "ACCEPTED", body: "x", isPublic: true })).rejects.toMatchObject({ status: 409 });
  });

  it("'needs more time' is an acknowledgement without a state change", async () => {
    const filed = await petition();
    await moveCase(staff, { caseId: filed.id, toState: null, body: "Cần thêm thời gian khảo sát.", isPublic: true, acknowledges: true });
    const row = await db.case.findUniqueOrThrow({ where: { id: filed.id } });
    expect(row.state).toBe("RECEIVED");
    expect(row.repliedAt).not.toBeNull();
  });

  it("is overdue the moment after the 10th working day ends, not before (Tết counted out)", async () => {
    const filed = await petition(vn("2026-02-13T10:00:00"));
    const due = endOf("2026-03-06");
    // The category promised 14 days (27 Feb): late on that promise first, on the law only after 6 March.
    const mine = async (now: Date) => (await listStaffCases(thienTin, staff.userId, { overdue: true }, now)).find((c) => c.id === filed.id)?.late ?? null;
    expect(await mine(endOf("2026-02-27"))).toBe(null);
    expect(await mine(due)).toBe("expected");
    expect(await mine(new Date(due.getTime() + 1))).toBe("reply");
    const front = await listCasesForFront(thienTin, new Date(due.getTime() + 1));
    expect(front.find((c) => c.id === filed.id)?.late).toBe("reply");
    expect((await listPublicCases(thienTin, { overdue: true }, new Date(due.getTime() + 1))).some((c) => c.id === filed.id)).toBe(true);
  });

  it("a complaint: accepted within 10 days, then resolved within 30 — 45 when complex (Law on Complaints 2011 Art. 27–28)", async () => {
    const filer = { communeId: thienTin, userId: staff.userId, actorRole: "STAFF", source: "RECEPTION" as const };
    const simple = await fileCase(filer, { kind: "COMPLAINT", title: "Khiếu nại quyết định thu hồi đất", body: "Tôi không đồng ý với mức bồi thường.", senderName: "Ông Bảy" }, { now: vn("2026-12-01T09:00:00") });
    const complex = await fileCase(filer, { kind: "COMPLAINT", title: "Khiếu nại phức tạp", body: "Nhiều hộ cùng khiếu nại ranh giới đất.", senderName: "Ông Tám", isComplex: true }, { now: vn("2026-12-01T09:00:00") });
    await moveCase(staff, { caseId: simple.id, toState: "ACCEPTED", body: "Thụ lý.", isPublic: true }, vn("2026-12-05T09:00:00"));
    await moveCase(staff, { caseId: complex.id, toState: "ACCEPTED", body: "Thụ lý.", isPublic: true }, vn("2026-12-05T09:00:00"));
    expect((await db.case.findUniqueOrThrow({ where: { id: simple.id } })).resolveDueAt).toEqual(endOf("2027-01-04"));
    expect((await db.case.findUniqueOrThrow({ where: { id: complex.id } })).resolveDueAt).toEqual(endOf("2027-01-19"));
  });
});

describe("classification privacy", () => {
  it("a denunciation never appears in a public list, page or the Front's contents; its sender is hidden from other staff", async () => {
    const filer = { communeId: thienTin, userId: staff.userId, actorRole: "STAFF", source: "STAFF" as const };
    const filed = await fileCase(filer, { kind: "DENUNCIATION", title: "Tố cáo cán bộ địa chính", body: "Cán bộ nhận tiền để làm nhanh sổ đỏ.", isPublic: true, senderName: "Người tố cáo A", senderPhone: "0905 999 888" }, { now: vn("2026-01-05T09:00:00") });
    expect((await listPublicCases(thienTin)).some((c) => c.id === filed.id)).toBe(false);
    expect((await listPublicCases(thienTin, { overdue: true })).some((c) => c.id === filed.id)).toBe(false);
    expect(await getCaseForResident(thienTin, filed.number, null)).toBeNull();
    expect(await getCaseForResident(thienTin, filed.number, resident.userId)).toBeNull();
    // The official who entered it sees the sender until a handler is named; then only the handler.
    expect((await getStaffCase(thienTin, filed.number, staff.userId))!.senderName).toBe("Người tố cáo A");
    expect((await getStaffCase(thienTin, filed.number, leader.userId))!).toMatchObject({ senderName: null, senderPhone: null, senderHidden: true });
    await assignHandler(staff, { caseId: filed.id, handlerId: leader.userId });
    expect((await getStaffCase(thienTin, filed.number, leader.userId))!.senderName).toBe("Người tố cáo A");
    expect((await getStaffCase(thienTin, filed.number, staff.userId))!).toMatchObject({ senderName: null, senderHidden: true });
    expect((await listStaffCases(thienTin, staff.userId)).find((c) => c.id === filed.id)).toMatchObject({ senderName: null, senderHidden: true });
    // Overdue on the Front's page: by number and dates only.
    const front = (await listCasesForFront(thienTin)).find((c) => c.id === filed.id);
    expect(front).toMatchObject({ title: null, kind: "DENUNCIATION" });
    expect(JSON.stringify(front)).not.toContain("Người tố cáo");
    // Nothing about the sender in the audit log.
    const events = await db.auditEvent.findMany({ where: { entityId: filed.id } });
    expect(JSON.stringify(events.map((e) => e.details))).not.toContain("Người tố cáo");
  });

  it("reclassifying a public feedback as a complaint takes it off the public lists and restarts its clock", async () => {
    const filed = await fileCase({ communeId: thienTin, userId: resident.userId, actorRole: "RESIDENT", source: "WEB" }, { kind: "FEEDBACK", categoryId: lights, title: "Phản ánh về đền bù", body: "Tôi không đồng ý với quyết định đền bù của xã.", isPublic: true }, { now: vn("2026-12-01T09:00:00") });
    expect((await listPublicCases(thienTin)).some((c) => c.id === filed.id)).toBe(true);
    await reclassifyCase(staff, { caseId: filed.id, kind: "COMPLAINT", categoryId: null, isPublic: true, isComplex: false });
    const row = await db.case.findUniqueOrThrow({ where: { id: filed.id } });
    expect(row).toMatchObject({ kind: "COMPLAINT", isPublic: false, state: "CLASSIFIED", replyDueAt: endOf("2026-12-11") });
    expect((await listPublicCases(thienTin)).some((c) => c.id === filed.id)).toBe(false);
    // Its sender still sees it on their own page.
    expect(await getCaseForResident(thienTin, filed.number, resident.userId)).not.toBeNull();
    expect(await getCaseForResident(thienTin, filed.number, null)).toBeNull();
  });
});

describe("merging and following", () => {
  it("merges a duplicate: followers of both kept, the merged one points to the kept one and leaves the lists", async () => {
    const kept = await petition();
    const second = await accessAs(SECOND_RESIDENT, "thien-tin", CASE_RESIDENT_ROLES);
    const duplicate = await fileCase({ communeId: thienTin, userId: second.userId, actorRole: "RESIDENT", source: "WEB" }, { kind: "PETITION", categoryId: lights, title: "Đèn ngã ba không sáng", body: "Đèn ở ngã ba tối om mấy hôm nay.", isPublic: true });
    await followCase(leader, duplicate.id).catch(() => undefined); // staff may follow too (not a resident action, but harmless)
    await mergeCases(staff, { caseId: duplicate.id, intoId: kept.id });
    const follows = (await db.caseFollow.findMany({ where: { caseId: kept.id } })).map((f) => f.userId);
    expect(follows).toEqual(expect.arrayContaining([resident.userId, second.userId]));
    expect((await db.case.findUniqueOrThrow({ where: { id: duplicate.id } })).mergedIntoId).toBe(kept.id);
    expect((await listPublicCases(thienTin)).some((c) => c.id === duplicate.id)).toBe(false);
    expect((await getCaseForResident(thienTin, duplicate.number, second.userId))!.mergedInto).toEqual({ number: kept.number });
    // Its page still opens for anyone (it is public), pointing to the case kept.
    expect((await getCaseForResident(thienTin, duplicate.number, null))!.mergedInto).toEqual({ number: kept.number });
    await expect(mergeCases(staff, { caseId: duplicate.id, intoId: kept.id })).rejects.toMatchObject({ status: 409 });
    await expect(mergeCases(staff, { caseId: kept.id, intoId: kept.id })).rejects.toMatchObject({ status: 422 });
  });

  it("a resident follows a public case and hears of its public steps; a private case cannot be followed by others", async () => {
    const second = await accessAs(SECOND_RESIDENT, "thien-tin", CASE_RESIDENT_ROLES);
    const filed = await petition();
    await followCase(second, filed.id);
    await moveCase(staff, { caseId: filed.id, toState: "ACCEPTED", body: "Tiếp nhận.", isPublic: true });
    expect(await db.notification.count({ where: { userId: second.userId, kind: "caseFollowedUpdate", link: { endsWith: `/cases/${filed.number}` } } })).toBe(1);
    const secret = await petition(undefined, { isPublic: false });
    await expect(followCase(second, secret.id)).rejects.toMatchObject({ status: 404 });
  });
});

describe("the four-week question", () => {
  it("asks the sender four weeks after RESOLVED, once; 'no' reopens the case and the Front sees it", async () => {
    const filed = await petition();
    await moveCase(staff, { caseId: filed.id, toState: "ACCEPTED", body: "Tiếp nhận.", isPublic: true });
    const resolvedAt = new Date();
    await moveCase(staff, { caseId: filed.id, toState: "RESOLVED", body: "Đã sửa.", isPublic: true }, resolvedAt);
    await expect(answerFixCheck(resident, { caseId: filed.id, answer: "NO" })).rejects.toMatchObject({ status: 409 }); // not asked yet
    await askDueFixChecks(new Date(resolvedAt.getTime() + 28 * DAY - 1000));
    expect((await db.case.findUniqueOrThrow({ where: { id: filed.id } })).fixAskedAt).toBeNull();
    await askDueFixChecks(new Date(resolvedAt.getTime() + 28 * DAY));
    await askDueFixChecks(new Date(resolvedAt.getTime() + 28 * DAY + 1000));
    expect(await db.notification.count({ where: { userId: resident.userId, kind: "caseFixCheck", link: { endsWith: `/cases/${filed.number}` } } })).toBe(1);
    // Only the sender answers.
    const second = await accessAs(SECOND_RESIDENT, "thien-tin", CASE_RESIDENT_ROLES);
    await expect(answerFixCheck(second, { caseId: filed.id, answer: "YES" })).rejects.toMatchObject({ status: 404 });
    await answerFixCheck(resident, { caseId: filed.id, answer: "NO" });
    const row = await db.case.findUniqueOrThrow({ where: { id: filed.id } });
    expect(row).toMatchObject({ state: "IN_PROGRESS", reopenCount: 1, fixAnswer: "NO", resolvedAt: null });
    expect((await listCasesForFront(thienTin)).some((c) => c.id === filed.id)).toBe(true);
    await expect(answerFixCheck(resident, { caseId: filed.id, answer: "YES" })).rejects.toMatchObject({ status: 409 });
  });

  it("'yes' closes the question and the case stays resolved", async () => {
    const filed = await petition();
    await moveCase(staff, { caseId: filed.id, toState: "ACCEPTED", body: "Tiếp nhận.", isPublic: true });
    const resolvedAt = new Date(Date.now() - 29 * DAY);
    await moveCase(staff, { caseId: filed.id, toState: "RESOLVED", body: "Đã sửa.", isPublic: true }, resolvedAt);
    await askDueFixChecks();
    await answerFixCheck(resident, { caseId: filed.id, answer: "YES" });
    expect(await db.case.findUniqueOrThrow({ where: { id: filed.id } })).toMatchObject({ state: "RESOLVED", fixAnswer: "YES", reopenCount: 0 });
  });
});

describe("who may do what", () => {
  const PEOPLE = { resident: RESIDENT_PHONE, villageHead: "truongthon.tanphu1@thientin.danban.local", front: FRONT, staff: STAFF_EMAIL, leader: LEADER, admin: "admin@danban.local", otherCommuneStaff: OTHER_STAFF_EMAIL } as const;
  type Who = keyof typeof PEOPLE;
  async function as(who: Who, roles: typeof CASE_STAFF_ROLES, work: (a: CommuneAccess) => Promise<unknown>): Promise<"ok" | number> {
    try {
      await work(await requireCommuneAccess(await userId(PEOPLE[who]), thienTin, roles, { write: true }));
      return "ok";
    } catch (e) {
      if (isAppError(e)) return e.status;
      throw e;
    }
  }

  it.each(Object.keys(PEOPLE) as Who[])("%s: staff steps", async (who) => {
    const filed = await petition();
    const moved = await as(who, CASE_STAFF_ROLES, (a) => moveCase(a, { caseId: filed.id, toState: "ACCEPTED", body: "Tiếp nhận.", isPublic: true }));
    const category = await as(who, CASE_STAFF_ROLES, (a) => saveCategory(a, { categoryId: lights, code: "test-lights", name: "Đèn đường (thử)", nameEn: null, description: null, expectedResolutionDays: 14, active: true, sortOrder: 9 }));
    const allowed = ["staff", "leader", "admin"].includes(who);
    expect([moved, category]).toEqual(allowed ? ["ok", "ok"] : [403, 403]);
  });

  it.each(Object.keys(PEOPLE) as Who[])("%s: resident steps", async (who) => {
    const filed = await petition();
    const followed = await as(who, CASE_RESIDENT_ROLES, (a) => followCase(a, filed.id));
    expect(followed).toBe(["resident"].includes(who) ? "ok" : 403);
  });

  it("staff of another commune reach no case of this one, whatever id they send", async () => {
    const filed = await petition();
    const other = await accessAs(OTHER_STAFF_EMAIL, "nghia-hanh", CASE_STAFF_ROLES);
    await expect(moveCase(other, { caseId: filed.id, toState: "ACCEPTED", body: "x", isPublic: true })).rejects.toMatchObject({ status: 404 });
    await expect(mergeCases(other, { caseId: filed.id, intoId: filed.id })).rejects.toMatchObject({ status: 422 });
    await expect(assignHandler(other, { caseId: filed.id, handlerId: other.userId })).rejects.toMatchObject({ status: 404 });
    expect((await db.case.findUniqueOrThrow({ where: { id: filed.id } })).state).toBe("RECEIVED");
  });
});
