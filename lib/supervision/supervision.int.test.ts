// Community investment supervision boards (issue 13 §4) against PostgreSQL: set-up (at least 5 members,
// the Front and residents of the affected villages, declarations, the 45-day notice at its boundary),
// visits with photos stripped of metadata, findings published, requests answered within 15 days,
// dissolution making the board read-only, and who may do each (a member never edits the work or the
// commune's records; a non-member resident cannot act; another commune is refused).
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";

import type { CommuneAccess } from "@/lib/auth/authorize";
import { requireCommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { accessOf, addFrontReviewer, createTestCommune, createVillage, type TestCommune } from "@/lib/participation/ballot-test-helpers";

import { answerRequest, publishFinding, recordFinding, recordVisit, sendRequest } from "./activity";
import { dissolveBoard, setupBoard } from "./boards";
import { loadSupervisionPhoto, uploadSupervisionPhoto } from "./photos";
import { getBoard, listPublishedFindings } from "./read";
import { ANSWER_ROLES, DISSOLVE_ROLES, MEMBER_GATE_ROLES, SETUP_ROLES } from "./roles";
import { answerClock } from "./rules";
import { setupBoardSchema, type SetupBoardValues } from "./schemas";

const vn = (s: string) => new Date(`${s}+07:00`);
const NOW = vn("2027-03-01T10:00:00");

let c: TestCommune;
let other: TestCommune;
let front: CommuneAccess;
let residents: string[]; // accounts in the affected village
let outsider: string; // a resident of a village the work does not serve
let workId: string;
let slug: string;

async function makeWork(title: string, villageId: string) {
  const work = await db.work.create({
    data: { communeId: c.communeId, title, description: "Bê tông hóa tuyến đường", status: "IN_PROGRESS", investor: "UBND xã", contractor: "Công ty Xây dựng Thử", supervisor: "Tư vấn giám sát Thử", createdById: c.staffId, villages: { create: [{ villageId }] } },
    select: { id: true },
  });
  return work.id;
}

const member = (userId: string, kind: "FRONT" | "INSPECTION_BOARD" | "RESIDENT", declared = true) => ({ userId, kind, declared, declarationSignedOn: "" });

function values(extra: Partial<SetupBoardValues> = {}): SetupBoardValues {
  return setupBoardSchema.parse({
    communeId: c.communeId,
    workId,
    plan: "Giám sát chất lượng vật liệu và tiến độ thi công hằng tháng.",
    investorNotifiedOn: "2027-03-01",
    supervisionStartOn: "2027-04-15",
    members: [member(front.userId, "FRONT"), ...residents.slice(0, 4).map((u) => member(u, "RESIDENT"))],
    ...extra,
  });
}

const as = (userId: string) => accessOf(userId, c.communeId);

beforeAll(async () => {
  c = await createTestCommune("Xã Thử Giám Sát");
  other = await createTestCommune("Xã Thử Khác");
  slug = (await db.commune.findUniqueOrThrow({ where: { id: c.communeId }, select: { slug: true } })).slug;
  front = await addFrontReviewer(c.communeId);
  const affected = await createVillage(c.communeId, { name: "Thôn Có Đường", households: 7, accounts: 7 });
  const elsewhere = await createVillage(c.communeId, { name: "Thôn Xa", households: 1, accounts: 1 });
  residents = affected.households.map((h) => h.userId!);
  outsider = elsewhere.households[0]!.userId!;
  workId = await makeWork("Đường liên thôn thử", affected.villageId);
});

describe("setting a board up (Law 10/2022 Art. 41.1, 42, 45.1.b)", () => {
  it("refuses fewer than 5 members", async () => {
    const four = values({ members: [member(front.userId, "FRONT"), ...residents.slice(0, 3).map((u) => member(u, "RESIDENT"))] });
    await expect(setupBoard(front, four, NOW)).rejects.toMatchObject({ code: "supervisionTooFewMembers", status: 422, params: { min: 5, count: 4 } });
  });

  it("refuses a board without the Front, or without residents", async () => {
    await expect(setupBoard(front, values({ members: residents.slice(0, 5).map((u) => member(u, "RESIDENT")) }), NOW)).rejects.toMatchObject({ code: "supervisionNoFrontMember" });
    const twice = values({ members: [member(front.userId, "FRONT"), member(front.userId, "INSPECTION_BOARD"), ...residents.slice(0, 3).map((u) => member(u, "RESIDENT"))] });
    await expect(setupBoard(front, twice, NOW)).rejects.toMatchObject({ code: "supervisionDuplicateMember" });
  });

  it("refuses a member without a signed declaration", async () => {
    const v = values();
    v.members[2] = { ...v.members[2]!, declared: false };
    await expect(setupBoard(front, v, NOW)).rejects.toMatchObject({ code: "supervisionDeclarationMissing", status: 422 });
  });

  it("refuses a resident from outside the affected villages", async () => {
    const v = values({ members: [member(front.userId, "FRONT"), ...residents.slice(0, 3).map((u) => member(u, "RESIDENT")), member(outsider, "RESIDENT")] });
    await expect(setupBoard(front, v, NOW)).rejects.toMatchObject({ code: "supervisionResidentOutsideVillages", status: 422 });
  });

  it("refuses a resident who is put forward as the Front", async () => {
    const v = values({ members: [member(residents[5]!, "FRONT"), ...residents.slice(0, 4).map((u) => member(u, "RESIDENT"))] });
    await expect(setupBoard(front, v, NOW)).rejects.toMatchObject({ code: "supervisionNotFront" });
  });

  it("refuses a start one day short of 45 days after the notice, citing the rule", async () => {
    await expect(setupBoard(front, values({ supervisionStartOn: "2027-04-14" }), NOW)).rejects.toMatchObject({
      code: "supervisionNoticeTooLate",
      status: 422,
      params: { days: 45, ahead: 44, earliest: "2027-04-15" },
      fields: { supervisionStartOn: "supervisionNoticeTooLate" },
    });
    expect(await db.supervisionBoard.count({ where: { workId } })).toBe(0);
  });

  it("refuses a notice dated in the future", async () => {
    await expect(setupBoard(front, values({ investorNotifiedOn: "2027-03-02", supervisionStartOn: "2027-06-01" }), NOW)).rejects.toMatchObject({ code: "supervisionNoticeInFuture" });
  });

  it("only the Front sets a board up", async () => {
    for (const userId of [c.staffId, residents[0]!]) {
      await expect(requireCommuneAccess(userId, c.communeId, SETUP_ROLES, { write: true })).rejects.toMatchObject({ status: 403 });
    }
    await expect(requireCommuneAccess(front.userId, other.communeId, SETUP_ROLES)).rejects.toMatchObject({ status: 403 });
  });

  it("sets the board up with exactly 45 days' notice, declarations dated, audited; one board per work", async () => {
    const { id } = await setupBoard(front, values(), NOW);
    const board = await getBoard(c.communeId, id, NOW);
    expect(board!.members).toHaveLength(5);
    expect(board!.members.every((m) => m.declarationText.includes("Công ty Xây dựng Thử") && m.declarationSignedOn.toISOString().startsWith("2027-03-01"))).toBe(true);
    expect(board!.members.filter((m) => m.kind === "RESIDENT").every((m) => m.village === "Thôn Có Đường")).toBe(true);
    expect(board!.supervisionStartOn.toISOString().slice(0, 10)).toBe("2027-04-15");
    expect(await db.auditEvent.count({ where: { entityId: id, action: "supervision.board.setup" } })).toBe(1);
    await expect(setupBoard(front, values(), NOW)).rejects.toMatchObject({ code: "supervisionBoardExists", status: 409 });
  });
});

describe("the board at work (Art. 43, 45.2.c)", () => {
  let boardId: string;
  let member1: CommuneAccess;
  beforeAll(async () => {
    boardId = (await db.supervisionBoard.findFirstOrThrow({ where: { workId }, select: { id: true } })).id;
    member1 = await as(residents[0]!);
  });

  it("a member records a visit with a photo whose metadata is stripped", async () => {
    const exif = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#884400" } })
      .jpeg()
      .withExif({ IFD0: { Make: "PhoneMaker", Model: "SecretPhone" } })
      .toBuffer();
    expect(exif.includes(Buffer.from("SecretPhone"))).toBe(true);
    const photo = await uploadSupervisionPhoto(member1, boardId, { fileName: "cong-trinh.jpg", data: exif });
    const { id } = await recordVisit(member1, { communeId: c.communeId, boardId, visitedOn: "2027-02-28", place: "Km 0+300", notes: "Kiểm tra lớp đá dăm trước khi đổ bê tông.", photoIds: [photo.id] }, NOW);
    const stored = await loadSupervisionPhoto(slug, photo.id, residents[1]!);
    expect(stored).not.toBeNull();
    expect(stored!.data.includes(Buffer.from("SecretPhone"))).toBe(false);
    expect((await sharp(stored!.data).metadata()).exif).toBeUndefined();
    expect(await db.supervisionPhoto.count({ where: { visitId: id } })).toBe(1);
    // Not a member, not the Front, not staff: no photo; staff see it.
    expect(await loadSupervisionPhoto(slug, photo.id, outsider)).toBeNull();
    expect(await loadSupervisionPhoto(slug, photo.id, c.staffId)).not.toBeNull();
    // A photo can be used once only.
    await expect(recordVisit(member1, { communeId: c.communeId, boardId, visitedOn: "2027-02-28", place: "Km 0+300", notes: "Lần ghi thứ hai cùng ảnh.", photoIds: [photo.id] }, NOW)).rejects.toMatchObject({ code: "unknownPhoto" });
  });

  it("a non-member resident, staff and another commune cannot record a visit", async () => {
    const input = { communeId: c.communeId, boardId, visitedOn: "2027-02-28", place: "Km 1", notes: "Ghi nhận của người không thuộc ban." };
    await expect(recordVisit(await as(outsider), { ...input, photoIds: [] }, NOW)).rejects.toMatchObject({ code: "supervisionNotAMember", status: 403 });
    await expect(recordVisit(await as(residents[6]!), { ...input, photoIds: [] }, NOW)).rejects.toMatchObject({ code: "supervisionNotAMember" });
    await expect(recordVisit(c.staff, { ...input, photoIds: [] }, NOW)).rejects.toMatchObject({ code: "supervisionNotAMember" });
    await expect(recordVisit(other.staff, { ...input, communeId: other.communeId, photoIds: [] }, NOW)).rejects.toMatchObject({ code: "supervisionBoardNotFound", status: 404 });
    await expect(uploadSupervisionPhoto(await as(outsider), boardId, { fileName: "x.jpg", data: Buffer.from("x") })).rejects.toMatchObject({ code: "supervisionNotAMember" });
  });

  it("a board member never edits the work nor answers for the commune", async () => {
    await expect(requireCommuneAccess(residents[0]!, c.communeId, ANSWER_ROLES, { write: true })).rejects.toMatchObject({ status: 403 });
    await expect(requireCommuneAccess(residents[0]!, c.communeId, DISSOLVE_ROLES, { write: true })).rejects.toMatchObject({ status: 403 });
    // The members' gate lets every verified role in; the board check does the rest.
    await expect(requireCommuneAccess(residents[0]!, c.communeId, MEMBER_GATE_ROLES, { write: true })).resolves.toBeTruthy();
    const work = await db.work.findUniqueOrThrow({ where: { id: workId }, select: { status: true, progress: true, updatedAt: true } });
    expect(work.status).toBe("IN_PROGRESS");
  });

  it("findings are public only once published", async () => {
    const { id } = await recordFinding(member1, { communeId: c.communeId, boardId, visitId: "", topic: "MATERIALS", body: "Đá dăm đúng chủng loại theo hồ sơ thiết kế." });
    expect(await listPublishedFindings(c.communeId, workId)).toHaveLength(0);
    await expect(publishFinding(await as(outsider), id)).rejects.toMatchObject({ code: "supervisionNotAMember" });
    await publishFinding(await as(residents[2]!), id);
    const published = await listPublishedFindings(c.communeId, workId);
    expect(published.map((f) => f.body)).toEqual(["Đá dăm đúng chủng loại theo hồ sơ thiết kế."]);
    await expect(publishFinding(member1, id)).rejects.toMatchObject({ code: "supervisionAlreadyPublished", status: 409 });
    await expect(publishFinding(other.staff, id)).rejects.toMatchObject({ status: 404 });
    expect(await listPublishedFindings(other.communeId, workId)).toHaveLength(0);
  });

  it("requests have a 15-day clock: on time on day 15, overdue the day after; staff record the answer", async () => {
    const sentAt = vn("2027-03-01T10:00:00");
    expect(answerClock({ sentAt, answeredAt: null }, vn("2027-03-16T23:59:00"))).toMatchObject({ state: "open", daysLeft: 0 });
    expect(answerClock({ sentAt, answeredAt: null }, vn("2027-03-17T00:00:01"))).toMatchObject({ state: "overdue", daysLate: 1 });
    expect(answerClock({ sentAt, answeredAt: vn("2027-03-16T20:00:00") })).toMatchObject({ state: "answered", onTime: true });
    expect(answerClock({ sentAt, answeredAt: vn("2027-03-17T08:00:00") })).toMatchObject({ state: "answered", onTime: false });

    const { id, deadline } = await sendRequest(member1, { communeId: c.communeId, boardId, kind: "REQUEST", addressee: "COMMUNE", body: "Đề nghị cung cấp bản vẽ thiết kế được duyệt." }, sentAt);
    expect(deadline).toBe(vn("2027-03-16T23:59:59.999").toISOString());
    const suspension = await sendRequest(member1, { communeId: c.communeId, boardId, kind: "SUSPENSION", addressee: "INVESTOR", body: "Đề nghị tạm dừng thi công đoạn Km 1 vì vật liệu sai chủng loại." }, sentAt);
    expect(await db.auditEvent.count({ where: { entityId: suspension.id, action: "supervision.suspension.propose" } })).toBe(1);
    const board = await getBoard(c.communeId, boardId, vn("2027-03-20T08:00:00"));
    expect(board!.requests.find((r) => r.id === id)!.clock).toMatchObject({ state: "overdue", daysLate: 4 });

    await expect(answerRequest(other.staff, { requestId: id, answer: "Trả lời từ xã khác không được." })).rejects.toMatchObject({ status: 404 });
    const answered = await answerRequest(c.staff, { requestId: id, answer: "Đã gửi bản vẽ thiết kế cho Ban." }, vn("2027-03-16T15:00:00"));
    expect(answered.onTime).toBe(true);
    await expect(answerRequest(c.staff, { requestId: id, answer: "Trả lời lần hai." })).rejects.toMatchObject({ code: "supervisionAlreadyAnswered", status: 409 });
    const late = await answerRequest(c.staff, { requestId: suspension.id, answer: "Chủ đầu tư đã cho thay vật liệu." }, vn("2027-03-17T09:00:00"));
    expect(late.onTime).toBe(false);
  });
});

describe("dissolution when the work is accepted", () => {
  it("refuses while the work is not done; then dissolves, and the board is read-only", async () => {
    const boardId = (await db.supervisionBoard.findFirstOrThrow({ where: { workId }, select: { id: true } })).id;
    await expect(dissolveBoard(front, { boardId, acceptedOn: "2027-02-28" }, NOW)).rejects.toMatchObject({ code: "supervisionWorkNotAccepted", status: 409 });
    await db.work.update({ where: { id: workId }, data: { status: "DONE", progress: 100 } });
    await expect(dissolveBoard(front, { boardId, acceptedOn: "2027-03-02" }, NOW)).rejects.toMatchObject({ code: "supervisionAcceptanceInFuture" });
    await expect(dissolveBoard(other.staff, { boardId, acceptedOn: "2027-02-28" }, NOW)).rejects.toMatchObject({ status: 404 });
    await dissolveBoard(c.staff, { boardId, acceptedOn: "2027-03-01" }, NOW);
    const m = await as(residents[0]!);
    await expect(recordVisit(m, { communeId: c.communeId, boardId, visitedOn: "2027-03-01", place: "Km 2", notes: "Sau khi ban đã giải thể.", photoIds: [] }, NOW)).rejects.toMatchObject({ code: "supervisionDissolved", status: 409 });
    await expect(recordFinding(m, { communeId: c.communeId, boardId, visitId: "", topic: "ACCEPTANCE", body: "Nhận xét sau khi giải thể." })).rejects.toMatchObject({ code: "supervisionDissolved" });
    await expect(sendRequest(m, { communeId: c.communeId, boardId, kind: "REQUEST", addressee: "COMMUNE", body: "Yêu cầu sau khi giải thể." })).rejects.toMatchObject({ code: "supervisionDissolved" });
    const open = await db.supervisionFinding.findFirst({ where: { boardId, publishedAt: null }, select: { id: true } });
    if (open) await expect(publishFinding(m, open.id)).rejects.toMatchObject({ code: "supervisionDissolved" });
    await expect(dissolveBoard(front, { boardId, acceptedOn: "2027-03-01" }, NOW)).rejects.toMatchObject({ code: "supervisionDissolved" });
    await expect(uploadSupervisionPhoto(m, boardId, { fileName: "x.jpg", data: Buffer.from("x") })).rejects.toMatchObject({ code: "supervisionDissolved" });
    // What it published stays public.
    expect(await listPublishedFindings(c.communeId, workId)).toHaveLength(1);
  });
});

describe("the Front's notice to the investor (Art. 45.1.b) as a document, and who is told", () => {
  it("renders the notice in the Decree 30 layout from the board as recorded, and tells staff and the members, not the Front officer who acted", async () => {
    const { investorNoticeDocument, loadInvestorNotice } = await import("./investor-notice");
    const { renderPdf } = await import("@/lib/documents/render-pdf");
    const { renderDocx } = await import("@/lib/documents/render-docx");
    const village = (await db.workVillage.findFirstOrThrow({ where: { workId }, select: { villageId: true } })).villageId;
    const noticeWork = await makeWork("Kênh mương thử thông báo", village);
    const members = [member(front.userId, "FRONT"), ...residents.slice(2, 6).map((u) => member(u, "RESIDENT"))];
    const { id } = await setupBoard(front, values({ workId: noticeWork, members }), NOW);

    const { doc } = await loadInvestorNotice(c.communeId, id);
    expect(doc).toMatchObject({ type: "TB", issuerCode: "MTTQ", numberLabel: null, recipients: expect.arrayContaining(["UBND xã", "Lưu: MTTQ"]), signature: { authorityLines: ["TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH"] } });
    const text = JSON.stringify(doc.body);
    expect(text).toContain("điểm b khoản 1 Điều 45");
    expect(text).toContain("15/04/2027");
    expect(text).toContain("Giám sát chất lượng vật liệu");
    const table = doc.body.find((b) => b.kind === "table") as { rows: string[][] };
    expect(table.rows).toHaveLength(5);
    expect(table.rows[0]).toEqual(["1", expect.any(String), "Đại diện Ủy ban MTTQ Việt Nam xã", "", "Trưởng ban"]);
    expect(table.rows[1]![3]).toBe("Thôn Có Đường");
    expect(doc.issuedAt).toEqual(new Date("2027-03-01T00:00:00Z"));
    expect((await renderPdf(doc)).subarray(0, 4).toString()).toBe("%PDF");
    expect((await renderDocx(doc)).subarray(0, 2).toString()).toBe("PK");
    // Another commune's board is not found.
    await expect(loadInvestorNotice(other.communeId, id)).rejects.toMatchObject({ status: 404 });
    // An investor left blank is addressed as "the investor".
    expect(investorNoticeDocument({ ...{ communeName: "Thử", plan: "p", investorNotifiedOn: new Date(), supervisionStartOn: new Date(), members: [], signerName: "" }, work: { title: "t", investor: null, contractor: null, supervisor: null } }).recipients[0]).toBe("Chủ đầu tư");

    const told = await db.notification.findMany({ where: { communeId: c.communeId, kind: "supervisionBoardSetUp", link: `/${slug}/supervision/${id}` }, select: { userId: true, body: true } });
    const who = new Set(told.map((n) => n.userId));
    expect(who.has(c.staffId)).toBe(true);
    for (const r of residents.slice(2, 6)) expect(who.has(r)).toBe(true);
    expect(who.has(front.userId)).toBe(false);
    expect(who.has(residents[0]!)).toBe(false);
    expect(told[0]!.body).toContain("01/03/2027");
  });
});
