// The People's Inspection Board against real PostgreSQL: each clock at its boundary (a plan sent
// exactly 5 working days ahead and one day short, Decree 59/2023 Art. 14; the 15 days to answer a
// recommendation, answered on the last moment and a moment late, Law 10/2022 Art. 40.1), each role's
// rights (a member files and asks but cannot touch cases or consultations; staff answer; the Front
// records the board and countersigns; nothing leaves as final without the countersign), another
// commune refused, and the report's contents.
import { beforeAll, describe, expect, it } from "vitest";

import { requireCommuneAccess, type CommuneAccess } from "@/lib/auth/authorize";
import { CASE_STAFF_ROLES } from "@/lib/cases/roles";
import { vnDate } from "@/lib/calendar/working-days";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { INSPECTOR_EMAIL } from "@/prisma/seed/inspection";
import { accessAs, communeId, OTHER_STAFF_EMAIL, RESIDENT_PHONE, seedDemo, STAFF_EMAIL, userId } from "@/scripts/test/fixtures";

import { addMember, removeMember } from "./board";
import { answerItem, countersign, fileItem, listItems, sendPlan } from "./items";
import { handleInspectionReport, loadInspectionReport } from "./report";
import { ANSWERING_ROLES, BOARD_WRITER_ROLES, FRONT_BOARD_ROLES, WORKSPACE_READER_ROLES } from "./roles";
import { earliestPlanStart, recommendationDueAt } from "./rules";
import { fileItemSchema } from "./schemas";

const FRONT_EMAIL = "mttq@thientin.danban.local";
const CHAIR_EMAIL = "chutich@thientin.danban.local";
const HEAD_EMAIL = "truongthon.tanphu1@thientin.danban.local";

let thienTin: string;
let nghiaHanh: string;
let inspector: CommuneAccess;
let front: CommuneAccess;
let staff: CommuneAccess;
let chair: CommuneAccess;

async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (error) {
    if (isAppError(error)) return { code: error.code, status: error.status, params: error.params };
    throw error;
  }
  throw new Error("expected a refusal");
}

const item = (input: Record<string, unknown>) =>
  fileItemSchema.parse({ communeId: thienTin, title: "Kiến nghị thử nghiệm của Ban", body: "Nội dung đủ dài để lưu hồ sơ của Ban.", ...input });

// Monday 7 December 2026, 09:00 in Vietnam.
const MONDAY = new Date("2026-12-07T02:00:00Z");

beforeAll(async () => {
  await seedDemo();
  thienTin = await communeId("thien-tin");
  nghiaHanh = await communeId("nghia-hanh");
  inspector = await accessAs(INSPECTOR_EMAIL, "thien-tin", [...BOARD_WRITER_ROLES]);
  front = await accessAs(FRONT_EMAIL, "thien-tin", [...FRONT_BOARD_ROLES]);
  staff = await accessAs(STAFF_EMAIL, "thien-tin", [...ANSWERING_ROLES]);
  chair = await accessAs(CHAIR_EMAIL, "thien-tin", [...ANSWERING_ROLES]);
});

describe("the seeded board", () => {
  it("has five members of five villages, its head holding the INSPECTOR role, a plan and a recommendation awaiting its answer", async () => {
    const board = await db.inspectionBoard.findFirstOrThrow({ where: { communeId: thienTin }, include: { members: true } });
    expect(board.members).toHaveLength(5);
    expect(new Set(board.members.map((m) => m.villageId)).size).toBe(5);
    expect(inspector.actingRole).toBe("INSPECTOR");
    const items = await listItems(thienTin);
    expect(items.some((i) => i.kind === "PLAN" && i.status === "SENT")).toBe(true);
    expect(items.some((i) => i.kind === "RECOMMENDATION" && i.status === "SENT" && i.countersignedAt && i.dueAt && !i.answeredAt)).toBe(true);
  });
});

describe("who may do what", () => {
  it("lets a member read the workspace but never edit cases or consultations, nor enter the staff or Front roles", async () => {
    const id = await userId(INSPECTOR_EMAIL);
    await expect(requireCommuneAccess(id, thienTin, WORKSPACE_READER_ROLES)).resolves.toMatchObject({ actingRole: "INSPECTOR" });
    for (const roles of [CASE_STAFF_ROLES, ["STAFF", "LEADER", "ADMIN"], ["FRONT_REVIEWER"], ["STAFF", "LEADER", "ADMIN", "VILLAGE_HEAD"], ["RESIDENT"]] as const) {
      expect(await refusal(requireCommuneAccess(id, thienTin, roles))).toMatchObject({ status: 403 });
    }
    // Nor may a member answer a recommendation or countersign: those are the Committee's and the Front's.
    const [rec] = await listItems(thienTin, { kind: "RECOMMENDATION" });
    expect(await refusal(answerItem(inspector, { itemId: rec!.id, answer: "Ban tự trả lời kiến nghị của mình." }))).toMatchObject({ status: 403 });
    expect(await refusal(countersign(inspector, rec!.id))).toMatchObject({ status: 403 });
  });

  it("refuses residents, village heads, staff and the Front as board writers, and staff as the Front", async () => {
    for (const who of [RESIDENT_PHONE, HEAD_EMAIL, STAFF_EMAIL, FRONT_EMAIL]) {
      expect(await refusal(requireCommuneAccess(await userId(who), thienTin, BOARD_WRITER_ROLES))).toMatchObject({ status: 403 });
    }
    expect(await refusal(fileItem(staff, item({ kind: "REQUEST" })))).toMatchObject({ status: 403 });
    expect(await refusal(fileItem(front, item({ kind: "REQUEST" })))).toMatchObject({ status: 403 });
    expect(await refusal(requireCommuneAccess(await userId(STAFF_EMAIL), thienTin, FRONT_BOARD_ROLES))).toMatchObject({ status: 403 });
  });

  it("refuses another commune: its staff cannot answer, the board member has no role there", async () => {
    const other = await accessAs(OTHER_STAFF_EMAIL, "nghia-hanh", [...ANSWERING_ROLES]);
    const [rec] = await listItems(thienTin, { kind: "RECOMMENDATION" });
    const before = await db.inspectionItem.findUniqueOrThrow({ where: { id: rec!.id } });
    expect(await refusal(answerItem(other, { itemId: rec!.id, answer: "Trả lời từ xã khác, không được ghi." }))).toMatchObject({ status: 404 });
    expect(await db.inspectionItem.findUniqueOrThrow({ where: { id: rec!.id } })).toEqual(before);
    expect(await refusal(requireCommuneAccess(await userId(INSPECTOR_EMAIL), nghiaHanh, WORKSPACE_READER_ROLES))).toMatchObject({ status: 403 });
    expect(await refusal(requireCommuneAccess(await userId(OTHER_STAFF_EMAIL), thienTin, WORKSPACE_READER_ROLES))).toMatchObject({ status: 403 });
  });
});

describe("an inspection plan, sent at least 5 working days ahead (Decree 59/2023 Art. 14)", () => {
  it("is sent when it starts exactly on the 5th working day, and tells the Front and the chair", async () => {
    const startsOn = earliestPlanStart(MONDAY);
    expect(startsOn).toBe("2026-12-14");
    const plan = await fileItem(inspector, item({ kind: "PLAN", title: "Kiểm tra việc công khai quỹ", subject: "Bộ phận Tài chính xã", startsOn }), MONDAY);
    const notesBefore = await db.notification.count({ where: { communeId: thienTin, kind: "inspectionPlanSent" } });
    await sendPlan(inspector, plan.id, MONDAY);
    const sent = await db.inspectionItem.findUniqueOrThrow({ where: { id: plan.id } });
    expect(sent).toMatchObject({ status: "SENT", sentAt: MONDAY });
    expect(await db.notification.count({ where: { communeId: thienTin, kind: "inspectionPlanSent" } })).toBeGreaterThan(notesBefore);
    expect(await db.auditEvent.count({ where: { entityId: plan.id, action: "inspection.plan.send", actorRole: "INSPECTOR" } })).toBe(1);
    expect(await refusal(sendPlan(inspector, plan.id, MONDAY))).toMatchObject({ code: "inspectionAlreadySent" });
  });

  it("is refused one working day short, naming the article and the earliest start, and stays a draft", async () => {
    const plan = await fileItem(inspector, item({ kind: "PLAN", title: "Kiểm tra việc thu quỹ", subject: "Thôn Long Bình", startsOn: "2026-12-11" }), MONDAY);
    const refused = await refusal(sendPlan(inspector, plan.id, MONDAY));
    expect(refused).toMatchObject({ code: "inspectionPlanNoticeTooShort", status: 422, params: { days: 5, earliest: "2026-12-14" } });
    expect(String(refused.params.article)).toContain("59/2023");
    expect((await db.inspectionItem.findUniqueOrThrow({ where: { id: plan.id } })).status).toBe("DRAFT");
  });

  it("needs a subject and a start", async () => {
    expect(await refusal(fileItem(inspector, item({ kind: "PLAN", startsOn: "2026-12-20" })))).toMatchObject({ code: "inspectionPlanSubjectRequired" });
    expect(await refusal(fileItem(inspector, item({ kind: "PLAN", subject: "Thôn" })))).toMatchObject({ code: "inspectionPlanStartRequired" });
  });
});

describe("requests and verifications", () => {
  it("sends a request to the commune at once; staff answer it", async () => {
    const request = await fileItem(inspector, item({ kind: "REQUEST", title: "Cung cấp dự toán đường thôn Long Bình" }));
    expect((await db.inspectionItem.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("SENT");
    await answerItem(staff, { itemId: request.id, answer: "Gửi kèm dự toán đã được phê duyệt." });
    expect(await db.inspectionItem.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: "ANSWERED", answeredById: staff.userId });
  });

  it("links a verification to a case by its number, read only and without the sender", async () => {
    const c = await db.case.findFirstOrThrow({ where: { communeId: thienTin }, orderBy: { number: "asc" } });
    const before = await db.case.findUniqueOrThrow({ where: { id: c.id } });
    const v = await fileItem(inspector, item({ kind: "VERIFICATION", title: "Xác minh phản ánh", caseNumber: c.number }));
    const row = (await listItems(thienTin, { kind: "VERIFICATION" })).find((i) => i.id === v.id)!;
    expect(row.status).toBe("FINAL");
    expect(row.case).toMatchObject({ number: c.number, title: c.title });
    expect(Object.keys(row.case!)).not.toEqual(expect.arrayContaining(["senderName"]));
    expect(JSON.stringify(row.case)).not.toContain("senderPhone");
    expect(await db.case.findUniqueOrThrow({ where: { id: c.id } })).toEqual(before);
    expect(await refusal(fileItem(inspector, item({ kind: "VERIFICATION", caseNumber: 999_999 })))).toMatchObject({ code: "inspectionCaseNotFound", status: 404 });
  });
});

describe("a recommendation: countersigned by the Front, answered within 15 days (Law 10/2022 Art. 40.1, 40.2.d)", () => {
  it("does not reach the Committee before the countersign; the 15 days start with it; an answer on the last moment is on time", async () => {
    const rec = await fileItem(inspector, item({ kind: "RECOMMENDATION", isPublic: true }));
    expect(await refusal(answerItem(staff, { itemId: rec.id, answer: "Trả lời trước khi MTTQ ký xác nhận." }))).toMatchObject({ code: "inspectionNotYetSent", status: 409 });
    const { dueAt } = await countersign(front, rec.id, MONDAY);
    expect(dueAt).toEqual(recommendationDueAt(MONDAY));
    expect(vnDate(dueAt!)).toBe("2026-12-22");
    expect(await refusal(countersign(front, rec.id, MONDAY))).toMatchObject({ code: "inspectionAlreadyCountersigned" });
    const answered = await answerItem(chair, { itemId: rec.id, answer: "UBND xã tiếp thu, chỉ đạo niêm yết trong tuần." }, dueAt!);
    expect(answered.late).toBe(false);
  });

  it("marks an answer a moment after the 15th day late, and records it", async () => {
    const rec = await fileItem(inspector, item({ kind: "RECOMMENDATION" }));
    const { dueAt } = await countersign(front, rec.id, MONDAY);
    const answered = await answerItem(staff, { itemId: rec.id, answer: "Trả lời muộn nhưng vẫn được ghi nhận." }, new Date(dueAt!.getTime() + 1));
    expect(answered.late).toBe(true);
    expect(await db.auditEvent.findFirst({ where: { entityId: rec.id, action: "inspection.item.answer" }, select: { details: true } })).toMatchObject({ details: { late: true } });
  });

  it("countersigns minutes into a final record, and refuses to countersign a plan or a request", async () => {
    const minutes = await fileItem(inspector, item({ kind: "MINUTES", title: "Biên bản giám sát thôn Long Bình" }));
    expect((await db.inspectionItem.findUniqueOrThrow({ where: { id: minutes.id } })).status).toBe("DRAFT");
    await countersign(front, minutes.id);
    expect((await db.inspectionItem.findUniqueOrThrow({ where: { id: minutes.id } })).status).toBe("FINAL");
    const request = await fileItem(inspector, item({ kind: "REQUEST" }));
    expect(await refusal(countersign(front, request.id))).toMatchObject({ code: "inspectionNotCountersigned", status: 422 });
  });
});

describe("the board's members, recorded by the Front", () => {
  it("allows one member per village, never a commune official, and gives an account the INSPECTOR role until it leaves", async () => {
    const board = await db.inspectionBoard.findFirstOrThrow({ where: { communeId: thienTin }, include: { members: true } });
    const taken = board.members[0]!.villageId;
    expect(await refusal(addMember(front, { boardId: board.id, name: "Người thứ hai", villageId: taken, position: "MEMBER", identifier: null }))).toMatchObject({ code: "inspectionVillageTaken", status: 409 });
    const tanHoa = await db.village.findFirstOrThrow({ where: { communeId: thienTin, name: "Tân Hòa" } });
    expect(await refusal(addMember(front, { boardId: board.id, name: "Cán bộ xã", villageId: tanHoa.id, position: "MEMBER", identifier: STAFF_EMAIL }))).toMatchObject({ code: "inspectionMemberIsOfficial", status: 422 });
    expect(await refusal(addMember(staff, { boardId: board.id, name: "Ai đó", villageId: tanHoa.id, position: "MEMBER", identifier: null }))).toMatchObject({ status: 403 });
    const resident = await userId("0901000003");
    const member = await addMember(front, { boardId: board.id, name: "Thành viên mới", villageId: tanHoa.id, position: "MEMBER", identifier: "0901000003" });
    await expect(requireCommuneAccess(resident, thienTin, BOARD_WRITER_ROLES)).resolves.toMatchObject({ actingRole: "INSPECTOR" });
    await removeMember(front, member.id);
    expect(await refusal(requireCommuneAccess(resident, thienTin, BOARD_WRITER_ROLES))).toMatchObject({ status: 403 });
    expect((await db.inspectionMember.findUniqueOrThrow({ where: { id: member.id } })).endedAt).not.toBeNull();
  });
});

describe("the report to the Front (Decree 59/2023 Art. 14; Decree 30/2020 layout)", () => {
  it("counts what was recorded in the period, with the board as issuer and its head signing", async () => {
    const now = new Date();
    const quarter = `${vnDate(now).slice(0, 4)}-Q${Math.ceil(Number(vnDate(now).slice(5, 7)) / 3)}`;
    const { doc, items } = await loadInspectionReport(inspector, quarter, now);
    expect(doc.issuerLines).toEqual(["Ủy ban MTTQ Việt Nam xã Thiện Tín", "Ban Thanh tra nhân dân"]);
    expect(doc.issuerCode).toBe("BTTND");
    expect(doc.type).toBe("BC");
    expect(doc.signature).toEqual({ authorityLines: ["TM. BAN THANH TRA NHÂN DÂN", "TRƯỞNG BAN"], signerName: "Đoàn Văn Bình" });
    const table = doc.body.find((b) => b.kind === "table")!;
    if (table.kind !== "table") throw new Error("no table");
    const row = (label: string) => table.rows.find((r) => r[0]!.startsWith(label))![1];
    const recs = items.filter((i) => i.kind === "RECOMMENDATION");
    expect(row("Kiến nghị (đã được MTTQ ký xác nhận)")).toBe(`${recs.length} (${recs.filter((r) => r.countersignedAt).length})`);
    expect(row("Vụ việc đã xác minh")).toBe(String(items.filter((i) => i.kind === "VERIFICATION").length));
    expect(row("Biên bản đã được MTTQ ký xác nhận")).toBe(String(items.filter((i) => i.kind === "MINUTES" && i.countersignedAt).length));
    expect(JSON.stringify(doc.body)).toContain("Kiến nghị công khai danh sách hộ được miễn, giảm");
    expect(await refusal(loadInspectionReport(inspector, "2026-Q9"))).toMatchObject({ code: "inspectionPeriodInvalid", status: 422 });
  });

  it("is a PDF for the board, the Front and staff; refused to residents and to another commune", async () => {
    const res = await handleInspectionReport("thien-tin", "pdf", "2026", inspector.userId);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 4).toString()).toBe("%PDF");
    expect((await handleInspectionReport("thien-tin", "docx", "2026-H2", front.userId)).status).toBe(200);
    expect((await handleInspectionReport("thien-tin", "pdf", "2026", await userId(RESIDENT_PHONE))).status).toBe(403);
    expect((await handleInspectionReport("thien-tin", "pdf", "2026", await userId(OTHER_STAFF_EMAIL))).status).toBe(403);
    expect((await handleInspectionReport("thien-tin", "pdf", "2026", null)).status).toBe(401);
  });
});
