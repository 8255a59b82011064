import { randomUUID } from "node:crypto";

import JSZip from "jszip";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, describe, expect, it } from "vitest";

import { requireCommuneAccess } from "@/lib/auth/authorize";
import { listRegister } from "@/lib/disclosure/list-register";
import { renderCount } from "@/lib/documents/render-cached";
import { db } from "@/lib/db";
import { answerOpinions } from "@/lib/reports/answer-opinions";
import { generateReport } from "@/lib/reports/report-workflow";
import { closeBallot, createBallot, createVillage, type TestHousehold } from "@/lib/participation/ballot-test-helpers";
import { accessAs, communeId, OTHER_STAFF_EMAIL, RESIDENT_PHONE, seedDemo, STAFF_EMAIL, userId } from "@/scripts/test/fixtures";

import { composeLoudspeakerText } from "./compose";
import { handleNoticeDownload } from "./handle-download";
import { approveNotice, draftNotice, NOTICE_KIND, publishNotice, updateNotice } from "./notices";

const LEADER_EMAIL = "chutich@thientin.danban.local";
const FRONT_EMAIL = "mttq@thientin.danban.local";
const VILLAGE_HEAD_EMAIL = "truongthon.phukhuong@thientin.danban.local";

let thienTin: string;
let consultationId: string;
let households: TestHousehold[];
let participants: string[];
let pinnedOpinionId: string;

async function vote(questionId: string, optionId: string, household: TestHousehold, channel: "WEB" | "PAPER", staffId: string) {
  const id = randomUUID();
  await db.vote.create({
    data: {
      id,
      communeId: thienTin,
      consultationId,
      questionId,
      voterKey: `H:${household.householdId}`,
      householdId: household.householdId,
      residentId: household.residentId,
      villageId: household.villageId,
      userId: channel === "WEB" ? household.userId : null,
      channel,
      enteredById: channel === "PAPER" ? staffId : null,
      receiptCode: randomUUID().slice(0, 12),
      choices: { create: { optionId, communeId: thienTin, questionId } },
    },
  });
}

/** A closed ballot in a village of ten households: web opinions, a meeting opinion, a reaction, web and paper votes. */
beforeAll(async () => {
  await seedDemo();
  thienTin = await communeId("thien-tin");
  const staffId = await userId(STAFF_EMAIL);
  const village = await createVillage(thienTin, { name: `Thôn Thông Báo ${randomUUID().slice(0, 4)}`, households: 10, accounts: 4 });
  households = village.households;
  const ballot = await createBallot({ communeId: thienTin, createdById: staffId, title: "Làm đường bê tông ngõ xóm thôn thử nghiệm", villageIds: [village.villageId] });
  consultationId = ballot.consultationId;
  const [a, b, c, d] = households as [TestHousehold, TestHousehold, TestHousehold, TestHousehold];
  const opinion = (number: number, authorId: string | null, body: string, pinned = false) =>
    db.opinion.create({
      data: {
        communeId: thienTin,
        consultationId,
        number,
        authorId,
        villageId: village.villageId,
        displayName: authorId ? `Người ${number}` : "Hội nghị thôn",
        body,
        channel: authorId ? "WEB" : "MEETING",
        enteredById: authorId ? null : staffId,
        lat: pinned ? 15.1 : null,
        lng: pinned ? 108.8 : null,
      },
      select: { id: true },
    });
  const first = await opinion(1, a.userId, "=HYPERLINK(\"x\") Đề nghị làm rãnh thoát nước hai bên đường.", true);
  pinnedOpinionId = first.id;
  const second = await opinion(2, null, "Hội nghị thôn thống nhất góp ngày công.");
  await db.consultation.update({ where: { id: consultationId }, data: { opinionSeq: 2 } });
  await db.reaction.create({ data: { communeId: thienTin, opinionId: first.id, userId: b.userId!, kind: "AGREE" } });
  // A votes too (counted once); C votes online; six households vote on paper (no account to notify).
  await vote(ballot.questionId, ballot.agree, a, "WEB", staffId);
  await vote(ballot.questionId, ballot.agree, c, "WEB", staffId);
  for (const h of households.slice(4, 10)) await vote(ballot.questionId, ballot.agree, h, "PAPER", staffId);
  participants = [a.userId!, b.userId!, c.userId!].sort();
  expect(d.userId).not.toBeNull();
  await closeBallot(consultationId);

  const staff = await accessAs(STAFF_EMAIL, "thien-tin", ["STAFF"]);
  await answerOpinions(staff, { communeId: thienTin, consultationId, opinionIds: [first.id], kind: "TAKEN_ON_BOARD", body: "Tiếp thu: bổ sung rãnh thoát nước hai bên đường." });
  await answerOpinions(staff, { communeId: thienTin, consultationId, opinionIds: [second.id], kind: "EXPLAINED", body: "Giải trình: ngày công được ghi nhận theo hộ." });
}, 120_000);

describe("drafting the outcome notice", () => {
  it("needs an approved report, and staff of the commune", async () => {
    const staff = await accessAs(STAFF_EMAIL, "thien-tin", ["STAFF"]);
    await expect(draftNotice(staff, { communeId: thienTin, consultationId })).rejects.toMatchObject({ code: "noticeNeedsApprovedReport", status: 409 });
    // A real report version: the notice is written from its snapshot.
    const { reportId } = await generateReport(staff, { communeId: thienTin, consultationId });
    await db.report.update({ where: { id: reportId }, data: { status: "FRONT_SIGNED_OFF" } });
    await expect(draftNotice(staff, { communeId: thienTin, consultationId })).rejects.toMatchObject({ code: "noticeNeedsApprovedReport", status: 409 });
    await db.report.update({ where: { consultationId }, data: { status: "APPROVED" } });

    const other = await accessAs(OTHER_STAFF_EMAIL, "nghia-hanh", ["STAFF"]);
    await expect(draftNotice(other, { communeId: other.communeId, consultationId })).rejects.toMatchObject({ status: 404 });
    await expect(requireCommuneAccess(await userId(RESIDENT_PHONE), thienTin, ["STAFF", "LEADER", "ADMIN"])).rejects.toMatchObject({ status: 403 });
    expect(await db.outcomeNotice.count({ where: { consultationId } })).toBe(0);
  });

  it("prefills subject, body with participation, thresholds and answers, and a spoken loudspeaker text, from the approved report, not from live data", async () => {
    // Live data changed after approval (the freeze refuses it; forced here, as an operator with the
    // database could): two more households vote against, an answer is rewritten, an opinion is added.
    // The notice below still reports what the approved report says.
    const q = await db.ballotQuestion.findFirstOrThrow({ where: { consultationId }, select: { id: true, options: { select: { id: true }, orderBy: { position: "asc" } } } });
    const staffId = await userId(STAFF_EMAIL);
    for (const h of households.slice(1, 2).concat(households.slice(3, 4))) await vote(q.id, q.options[1]!.id, h, "PAPER", staffId);
    await db.opinionAnswer.updateMany({ where: { consultationId, kind: "TAKEN_ON_BOARD" }, data: { body: "Sửa sau khi phê duyệt." } });
    await db.opinion.create({ data: { communeId: thienTin, consultationId, number: 3, displayName: "Sau", body: "Ý kiến thêm sau khi phê duyệt.", channel: "WEB" } });
    await db.consultation.update({ where: { id: consultationId }, data: { title: "Tiêu đề sửa sau khi phê duyệt" } });
    const staff = await accessAs(STAFF_EMAIL, "thien-tin", ["STAFF"]);
    const created = await draftNotice(staff, { communeId: thienTin, consultationId });
    expect(created.status).toBe("DRAFT");
    const notice = await db.outcomeNotice.findUniqueOrThrow({ where: { id: created.id } });
    expect(notice.title).toBe("Kết quả lấy ý kiến Nhân dân về Làm đường bê tông ngõ xóm thôn thử nghiệm");
    expect(notice.body).toContain("Tổng số ý kiến nhận được: 2 (1 ý kiến trực tuyến; 1 ý kiến tại hội nghị thôn)");
    expect(notice.body).toContain("trực tuyến (góp ý, bày tỏ đồng tình hoặc biểu quyết): 3");
    // 8 of the 10 households agree: more than 50% of all households in scope.
    // A convention is counted per village (Law 10/2022 Art. 21.1) on paper and at meetings: the two web votes do not decide it.
    expect(notice.body).toContain("1/1 thôn thông qua. Kết quả: ĐƯỢC THÔNG QUA.");
    expect(notice.body).toMatch(/- Thôn Thông Báo \S+: 10 hộ; đồng ý 6, không đồng ý 0, ý kiến khác 0 \(60%\); Thông qua\./);
    expect(notice.body).toContain("mỗi thôn thông qua khi có trên 50% tổng số hộ gia đình của thôn đồng ý");
    expect(notice.body).toContain("tiếp thu 1 ý kiến, giải trình 1 ý kiến");
    expect(notice.body).toContain("- Tiếp thu: bổ sung rãnh thoát nước hai bên đường.");
    expect(notice.loudspeakerText).toContain("có một trên một thôn thông qua, nội dung được thông qua");
    expect(notice.loudspeakerText).not.toMatch(/\d/);
    await expect(draftNotice(staff, { communeId: thienTin, consultationId })).rejects.toMatchObject({ code: "noticeExists", status: 409 });
    expect(await db.auditEvent.count({ where: { action: "notice.draft", entityId: created.id } })).toBe(1);
  });

  it("reads percentages with decimals aloud", () => {
    const text = composeLoudspeakerText({
      communeName: "Thiện Tín",
      consultation: { title: "Đường 3,2 km, quy hoạch 1/500, kinh phí 1.250 triệu", commentStartsAt: new Date("2026-02-04T17:30:00Z"), commentEndsAt: null, villages: null },
      reportLabel: null,
      reportIssuedAt: null,
      opinions: { total: 21, byChannel: {} },
      onlineParticipants: 0,
      questions: [{ text: "Đồng ý?", votingUnit: "HOUSEHOLD", participants: 3, eligible: 3, agree: 2, rule: "MAJORITY_OF_ALL_IN_SCOPE", thresholdPercent: 50, numerator: 2, denominator: 3, percent: 66.7, passed: true }],
      answers: { counts: { TAKEN_ON_BOARD: 1, EXPLAINED: 0, OUT_OF_SCOPE: 0 }, takenOnBoard: [], explained: [] },
    });
    expect(text).toContain("sáu mươi sáu phẩy bảy phần trăm");
    expect(text).toContain("hai mươi mốt ý kiến");
    expect(text).toContain("Đường ba phẩy hai ki-lô-mét, quy hoạch một phần năm trăm, kinh phí một nghìn hai trăm năm mươi triệu");
    expect(text).not.toMatch(/\d/);
  });
});

describe("approving and publishing", () => {
  let noticeId: string;
  beforeAll(async () => {
    noticeId = (await db.outcomeNotice.findUniqueOrThrow({ where: { consultationId }, select: { id: true } })).id;
  });

  it("lets staff edit the draft; the draft downloads for staff and the Front only", async () => {
    const staff = await accessAs(STAFF_EMAIL, "thien-tin", ["STAFF"]);
    const before = await db.outcomeNotice.findUniqueOrThrow({ where: { id: noticeId } });
    await updateNotice(staff, { communeId: thienTin, noticeId, title: before.title, body: `${before.body}\n\nĐoạn bổ sung của cán bộ.`, loudspeakerText: before.loudspeakerText });
    expect((await db.outcomeNotice.findUniqueOrThrow({ where: { id: noticeId } })).body).toContain("Đoạn bổ sung của cán bộ.");

    expect((await handleNoticeDownload("thien-tin", consultationId, "docx", null)).status).toBe(401);
    expect((await handleNoticeDownload("thien-tin", consultationId, "pdf", await userId(RESIDENT_PHONE))).status).toBe(403);
    expect((await handleNoticeDownload("thien-tin", consultationId, "pdf", await userId(VILLAGE_HEAD_EMAIL))).status).toBe(403);
    expect((await handleNoticeDownload("thien-tin", consultationId, "pdf", await userId(OTHER_STAFF_EMAIL))).status).toBe(403);
    expect((await handleNoticeDownload("thien-tin", consultationId, "exe", await userId(STAFF_EMAIL))).status).toBe(404);
    const draft = await handleNoticeDownload("thien-tin", consultationId, "docx", await userId(FRONT_EMAIL));
    expect(draft.status).toBe(200);
    expect(draft.headers.get("content-disposition")).toContain(`thong-bao-ket-qua-${consultationId}-du-thao.docx`);
    const xml = await (await JSZip.loadAsync(await draft.arrayBuffer())).file("word/document.xml")!.async("string");
    expect(xml).toContain("Số:      /TB-UBND");
  });

  it("only a leader approves; approval issues the next TB number and freezes the text", async () => {
    const staff = await accessAs(STAFF_EMAIL, "thien-tin", ["STAFF"]);
    await expect(approveNotice(staff, { communeId: thienTin, noticeId })).rejects.toMatchObject({ status: 403 });
    await expect(publishNotice(staff, { communeId: thienTin, noticeId })).rejects.toMatchObject({ code: "noticeNotApproved", status: 409 });
    const leader = await accessAs(LEADER_EMAIL, "thien-tin", ["LEADER"]);
    const year = Number(new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 4));
    const last = (await db.documentCounter.findUnique({ where: { communeId_year_type: { communeId: thienTin, year, type: "TB" } } }))?.lastNumber ?? 0;
    const approved = await approveNotice(leader, { communeId: thienTin, noticeId });
    const expected = `${String(last + 1).padStart(2, "0")}/TB-UBND`;
    expect(approved.label).toBe(expected);
    const notice = await db.outcomeNotice.findUniqueOrThrow({ where: { id: noticeId }, select: { status: true, approvedById: true, document: { select: { label: true, type: true } } } });
    expect(notice).toMatchObject({ status: "APPROVED", approvedById: leader.userId, document: { label: expected, type: "TB" } });
    await expect(approveNotice(leader, { communeId: thienTin, noticeId })).rejects.toMatchObject({ code: "noticeAlreadyApproved", status: 409 });
    await expect(updateNotice(staff, { communeId: thienTin, noticeId, title: "Trích yếu khác hẳn", body: "x".repeat(60), loudspeakerText: "y".repeat(40) })).rejects.toMatchObject({ code: "noticeNotEditable", status: 409 });
    expect(await db.auditEvent.count({ where: { action: "notice.approve", entityId: noticeId } })).toBe(1);

    const pdf = await handleNoticeDownload("thien-tin", consultationId, "pdf", await userId(STAFF_EMAIL));
    expect(pdf.status).toBe(200);
    const doc = await getDocument({ data: new Uint8Array(await pdf.arrayBuffer()), useSystemFonts: false, isEvalSupported: false }).promise;
    const page = await (await doc.getPage(1)).getTextContent();
    const text = page.items.map((i) => ("str" in i ? i.str : "")).join(" ");
    expect(text).toContain(`Số: ${expected}`);
    expect(text).toContain("THÔNG BÁO");
    expect(text).toMatch(/Thiện Tín, ngày \d{2} tháng \d{2} năm \d{4}/);
  });

  it("publishes once: a web posting in the register and one notification per participant, paper voters skipped", async () => {
    const staff = await accessAs(STAFF_EMAIL, "thien-tin", ["STAFF"]);
    const other = await accessAs(OTHER_STAFF_EMAIL, "nghia-hanh", ["STAFF"]);
    await expect(publishNotice(other, { communeId: other.communeId, noticeId })).rejects.toMatchObject({ status: 404 });

    // Two staff press "publish" at the same moment: one publishes, the other is told it is done.
    const results = await Promise.allSettled([publishNotice(staff, { communeId: thienTin, noticeId }), publishNotice(staff, { communeId: thienTin, noticeId })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "noticeAlreadyPublished", status: 409 });
    await expect(publishNotice(staff, { communeId: thienTin, noticeId })).rejects.toMatchObject({ code: "noticeAlreadyPublished" });

    const notifications = await db.notification.findMany({ where: { kind: NOTICE_KIND, link: { contains: consultationId } }, select: { userId: true, link: true, title: true, communeId: true } });
    expect(notifications.map((n) => n.userId).sort()).toEqual(participants);
    expect(notifications[0]).toMatchObject({ communeId: thienTin, link: `/thien-tin/consultations/${consultationId}#notice`, title: "Đã có thông báo kết quả lấy ý kiến" });
    expect(notifications.some((n) => n.userId === households[3]!.userId)).toBe(false);

    const postings = await db.disclosurePosting.findMany({ where: { noticeId }, select: { channel: true, consultationId: true, location: true } });
    expect(postings).toEqual([{ channel: "WEB_PORTAL", consultationId: null, location: `/thien-tin/consultations/${consultationId}#notice` }]);
    // The disclosure register lists the notice once, with that posting, and the consultation without it.
    const register = await listRegister(await db.commune.findUniqueOrThrow({ where: { id: thienTin }, select: { id: true, slug: true, settings: true } }), Number(new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 4)));
    const entry = register.find((e) => e.kind === "notice" && e.id === noticeId)!;
    expect(entry.postings.map((p) => [p.channel, p.isDerived])).toEqual([["WEB_PORTAL", false]]);
    expect(register.find((e) => e.kind === "consultation" && e.id === consultationId)!.postings.every((p) => p.isDerived)).toBe(true);
    const consultation = await db.consultation.findUniqueOrThrow({ where: { id: consultationId }, select: { status: true, notice: { select: { status: true, publishedAt: true } } } });
    expect(consultation.status).toBe("OUTCOME_PUBLISHED");
    expect(consultation.notice?.status).toBe("PUBLISHED");
    const audit = await db.auditEvent.findMany({ where: { action: "notice.publish", entityId: noticeId }, select: { details: true } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ notified: 3 });

    // Published: anyone may download it.
    const publicPdf = await handleNoticeDownload("thien-tin", consultationId, "pdf", null);
    expect(publicPdf.status).toBe(200);
    expect(publicPdf.headers.get("content-type")).toBe("application/pdf");
    // Rendered once and stored: the next anonymous download renders nothing and gets the same bytes.
    const renders = renderCount();
    const again = await handleNoticeDownload("thien-tin", consultationId, "pdf", null);
    expect(renderCount()).toBe(renders);
    expect(Buffer.from(await again.arrayBuffer()).equals(Buffer.from(await publicPdf.arrayBuffer()))).toBe(true);
    expect(pinnedOpinionId).toBeTruthy();
  });
});

