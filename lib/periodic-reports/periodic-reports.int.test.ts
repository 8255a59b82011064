import { randomUUID } from "node:crypto";

import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { renderPdf } from "@/lib/documents/render-pdf";
import type { CaseKind, CaseState, Channel } from "@/lib/generated/prisma/enums";
import { addFrontReviewer, createBallot, createTestCommune, createVillage, outcomesByPerson, type TestCommune, type TestHousehold } from "@/lib/participation/ballot-test-helpers";

import { computeFigures } from "./figures";
import { parseReportPeriod } from "./periods";
import { getPeriodicReport, issuePeriodicReport, periodicReportFile, savePeriodicTexts } from "./periodic-report";
import { PERIODIC_READER_ROLES, PERIODIC_WRITER_ROLES } from "./roles";
import { loadDisclosureList } from "./routes";

// The known data set: quarter III of 2026 (1 July – 30 September, Vietnam time) in a commune of its own,
// with records on both sides of its last moment (30 September 23:59:59 in Hà Nội is 16:59:59 UTC).
const vn = (local: string) => new Date(`${local}+07:00`);
const Q3 = parseReportPeriod("2026-Q3")!;
const NOW = vn("2026-10-05T09:00:00");

let commune: TestCommune;
let a: { villageId: string; households: TestHousehold[] };
let b: { villageId: string; households: TestHousehold[] };
let caseNo = 0;

async function consultation(title: string, matterKind: "CONSULTATION" | "DISCLOSURE", publishedAt: Date) {
  const c = await db.consultation.create({
    data: {
      communeId: commune.communeId,
      title,
      summary: "Nội dung dùng cho kiểm thử báo cáo định kỳ.",
      matterKind,
      legalCategory: matterKind === "CONSULTATION" ? "CONSULTATION_PLANNING" : "DISCLOSURE_BUDGET",
      subject: "PLAN",
      status: "CLOSED",
      allowedChannels: ["WEB", "PAPER", "MEETING"],
      publishedAt,
      postingStartsAt: publishedAt,
      postingEndsAt: new Date(publishedAt.getTime() + 30 * 86_400_000),
      commentStartsAt: publishedAt,
      commentEndsAt: new Date(publishedAt.getTime() + 20 * 86_400_000),
      createdById: commune.staffId,
    },
    select: { id: true },
  });
  return c.id;
}

async function opinion(consultationId: string, villageId: string, channel: Channel, createdAt: Date, extra: { receivedOn?: Date; answerId?: string; parentId?: string } = {}) {
  const number = (await db.opinion.count({ where: { consultationId } })) + 1;
  return db.opinion.create({
    data: { communeId: commune.communeId, consultationId, number, villageId, displayName: "Người thử", body: "Ý kiến thử.", channel, createdAt, ...extra },
    select: { id: true },
  });
}

async function fileCase(kind: CaseKind, receivedAt: Date, villageId: string, extra: { state?: CaseState; resolvedAt?: Date; mergedIntoId?: string } = {}) {
  caseNo += 1;
  return db.case.create({
    data: { communeId: commune.communeId, number: caseNo, kind, title: `Vụ việc thử ${caseNo}`, body: "Nội dung thử.", source: "STAFF", villageId, receivedAt, replyDueAt: new Date(receivedAt.getTime() + 14 * 86_400_000), ...extra },
    select: { id: true },
  });
}

beforeAll(async () => {
  commune = await createTestCommune("Định Kỳ");
  a = await createVillage(commune.communeId, { name: `Thôn Một ${randomUUID().slice(0, 4)}`, households: 10 });
  b = await createVillage(commune.communeId, { name: `Thôn Hai ${randomUUID().slice(0, 4)}`, households: 6 });

  // Disclosed in Q3: the consultation (web, notice board, loudspeaker), the decision (web) and the budget posted on its last second.
  const c1 = await consultation("Quy hoạch khu dân cư Gò Cao", "CONSULTATION", vn("2026-07-10T08:00:00"));
  await db.disclosurePosting.createMany({
    data: [
      { communeId: commune.communeId, consultationId: c1, channel: "NOTICE_BOARD", location: "Trụ sở UBND xã", startsAt: vn("2026-07-10T00:00:00"), endsAt: vn("2026-08-09T23:59:59"), recordedById: commune.staffId },
      {
        communeId: commune.communeId,
        consultationId: c1,
        channel: "LOUDSPEAKER",
        location: "Đài truyền thanh xã",
        startsAt: vn("2026-07-11T00:00:00"),
        endsAt: vn("2026-07-13T23:59:59"),
        broadcastDates: [new Date("2026-07-11T00:00:00Z"), new Date("2026-07-12T00:00:00Z"), new Date("2026-07-13T00:00:00Z")],
        recordedById: commune.staffId,
      },
    ],
  });
  await consultation("Dự toán ngân sách xã năm 2027", "DISCLOSURE", vn("2026-09-30T23:59:59"));
  await consultation("Kế hoạch đầu tư công quý IV", "DISCLOSURE", vn("2026-10-01T00:00:00")); // Q4

  // Decided in Q3: a contribution to community works, both villages, closed 15 September.
  const d1 = await createBallot({ communeId: commune.communeId, createdById: commune.staffId, title: "Đóng góp làm đường bê tông", category: "DECISION_COMMUNITY_WORKS", villageIds: [a.villageId, b.villageId], channels: ["WEB", "PAPER"] });
  await db.consultation.update({
    where: { id: d1.consultationId },
    data: { status: "CLOSED", publishedAt: vn("2026-08-01T08:00:00"), commentStartsAt: vn("2026-08-01T08:00:00"), commentEndsAt: vn("2026-09-15T17:00:00"), closedAt: vn("2026-09-15T17:00:00") },
  });
  const vote = (h: TestHousehold, optionId: string) =>
    db.vote.create({
      data: {
        communeId: commune.communeId,
        consultationId: d1.consultationId,
        questionId: d1.questionId,
        voterKey: `H:${h.householdId}`,
        householdId: h.householdId,
        villageId: h.villageId,
        channel: "PAPER",
        enteredById: commune.staffId,
        receiptCode: randomUUID().slice(0, 12),
        choices: { create: { optionId, communeId: commune.communeId, questionId: d1.questionId } },
      },
    });
  for (const h of a.households.slice(0, 7)) await vote(h, d1.agree);
  await vote(a.households[7]!, d1.disagree);
  for (const h of b.households.slice(0, 4)) await vote(h, d1.agree);
  await db.contribution.create({
    data: {
      communeId: commune.communeId,
      title: "Đóng góp làm đường",
      consultationId: d1.consultationId,
      questionId: d1.questionId,
      unit: "MONEY",
      levelPerHousehold: 200_000,
      periodStart: new Date("2026-10-01T00:00:00Z"),
      periodEnd: new Date("2026-12-31T00:00:00Z"),
      createdById: commune.staffId,
      villages: { create: [{ villageId: a.villageId }, { villageId: b.villageId }] },
    },
  });

  // Opinions on the consultation: 3 on the web in Q3 (one answered), one on paper received on 30
  // September and typed in on 2 October (answered), one on the web a second into Q4, and a reply.
  const answer = await db.opinionAnswer.create({ data: { communeId: commune.communeId, consultationId: c1, kind: "TAKEN_ON_BOARD", body: "Tiếp thu.", answeredById: commune.staffId }, select: { id: true } });
  const first = await opinion(c1, a.villageId, "WEB", vn("2026-07-12T10:00:00"), { answerId: answer.id });
  await opinion(c1, a.villageId, "WEB", vn("2026-07-20T10:00:00"));
  await opinion(c1, b.villageId, "WEB", vn("2026-09-30T23:59:00"));
  await opinion(c1, a.villageId, "PAPER", vn("2026-10-02T09:00:00"), { receivedOn: new Date("2026-09-30T00:00:00Z"), answerId: answer.id });
  await opinion(c1, b.villageId, "WEB", vn("2026-10-01T00:00:00"));
  await opinion(c1, a.villageId, "WEB", vn("2026-07-13T10:00:00"), { parentId: first.id });

  // A village meeting on the consultation in village A.
  await db.meetingRecord.create({ data: { communeId: commune.communeId, consultationId: c1, villageId: a.villageId, heldAt: vn("2026-08-20T19:00:00"), form: "SHOW_OF_HANDS", householdsPresent: 8, householdsTotal: 10, enteredById: commune.staffId } });

  // Cases: received in Q3 — a petition resolved in August, a refused petition, feedback on the last
  // minute still open; a complaint from Q2 resolved in July; a denunciation of Q4; a merged duplicate.
  await fileCase("PETITION", vn("2026-07-05T09:00:00"), a.villageId, { state: "RESOLVED", resolvedAt: vn("2026-08-01T09:00:00") });
  await fileCase("PETITION", vn("2026-08-10T09:00:00"), a.villageId, { state: "REFUSED" });
  const kept = await fileCase("FEEDBACK", vn("2026-09-30T23:59:00"), b.villageId);
  await fileCase("COMPLAINT", vn("2026-06-20T09:00:00"), a.villageId, { state: "RESOLVED", resolvedAt: vn("2026-07-15T09:00:00") });
  await fileCase("DENUNCIATION", vn("2026-10-01T00:00:00"), a.villageId);
  await fileCase("FEEDBACK", vn("2026-09-29T09:00:00"), b.villageId, { mergedIntoId: kept.id });

  // Dialogue: one held and recorded (3 visible questions, 2 answered; one hidden), one only planned.
  await db.dialogueConference.create({
    data: {
      communeId: commune.communeId,
      title: "Đối thoại giữa Chủ tịch UBND xã với Nhân dân",
      startsAt: vn("2026-08-15T08:00:00"),
      place: "Hội trường xã",
      topics: "Đường giao thông",
      officials: "Chủ tịch UBND xã",
      createdById: commune.staffId,
      recordedAt: vn("2026-08-15T12:00:00"),
      attendanceCount: 45,
      questions: {
        create: [
          { number: 1, source: "ON_THE_DAY", body: "Hỏi 1", status: "ANSWERED" },
          { number: 2, source: "ON_THE_DAY", body: "Hỏi 2", status: "IN_PROGRESS" },
          { number: 3, source: "ON_THE_DAY", body: "Hỏi 3" },
          { number: 4, source: "ON_THE_DAY", body: "Hỏi 4", moderationState: "HIDDEN", status: "ANSWERED" },
        ],
      },
    },
  });
  await db.dialogueConference.create({
    data: { communeId: commune.communeId, title: "Đối thoại chưa tổ chức", startsAt: vn("2026-09-20T08:00:00"), place: "Nhà văn hóa", topics: "—", officials: "—", createdById: commune.staffId },
  });

  // Ratings: five answers in Q3 (overall 5, 4, 4, 3, 5 → 4.2) and one in Q2.
  const rating = (quarter: string, overall: number) => ({ communeId: commune.communeId, subjectType: "CONSULTATION" as const, subjectId: c1, category: "CONSULTATION", quarter, informedInTime: 4, ableToTakePart: 4, opinionAnswered: 4, outcomeUnderstood: 4, overall });
  await db.ratingAnswer.createMany({ data: [5, 4, 4, 3, 5].map((o) => rating("2026-Q3", o)).concat(rating("2026-Q2", 1)) });
}, 120_000);

describe("the periodic report's figures for quarter III of 2026", () => {
  it("counts every figure from the known data set, with the last second of 30 September inside and the first of 1 October outside", async () => {
    const f = await computeFigures(commune.communeId, Q3, NOW);
    expect(f.period).toEqual({ key: "2026-Q3", kind: "QUARTER", label: "quý III năm 2026", firstDay: "2026-07-01", lastDay: "2026-09-30" });
    expect(f.disclosed).toEqual({
      count: 3,
      byChannel: { WEB_PORTAL: 3, NOTICE_BOARD: 1, LOUDSPEAKER: 1, VILLAGE_HEAD: 0, DOCUMENTS_TO_HOUSEHOLDS: 0, CONFERENCE: 0, MESSAGE_TO_HOUSEHOLDS: 0, SOCIAL_NETWORK: 0 },
    });
    expect(f.consulted).toEqual({ count: 1, opinions: 5, items: [{ title: "Quy hoạch khu dân cư Gò Cao", publishedOn: "2026-07-10", opinions: 5 }] });
    expect(f.decided).toEqual({
      count: 1,
      passed: 1,
      items: [
        {
          title: "Đóng góp làm đường bê tông",
          closedOn: "2026-09-15",
          eligible: 16,
          participants: 12,
          turnoutPercent: 75,
          agree: 11,
          passed: true,
          contribution: { unit: "MONEY", levelPerHousehold: 200_000, valueAtLevel: 3_200_000 },
        },
      ],
    });
    expect(f.opinions).toEqual({
      received: 4,
      answered: 2,
      byChannel: [
        { channel: "WEB", received: 3, answered: 1 },
        { channel: "PAPER", received: 1, answered: 1 },
      ],
    });
    expect(f.meetings).toEqual({ count: 1, villages: 1, householdsPresent: 8, householdsTotal: 10 });
    expect(f.cases).toEqual({
      received: 3,
      resolved: 2,
      pendingAtEnd: 1,
      byKind: [
        { kind: "PETITION", received: 2, resolved: 1 },
        { kind: "FEEDBACK", received: 1, resolved: 0 },
        { kind: "COMPLAINT", received: 0, resolved: 1 },
        { kind: "DENUNCIATION", received: 0, resolved: 0 },
      ],
    });
    expect(f.dialogues).toEqual({ held: 1, attendance: 45, questions: 3, answered: 2 });
    expect(f.ratings).toEqual({ answers: 5, overall: 4.2 });
    const byVillage = Object.fromEntries(f.villages.map(({ villageId, ...rest }) => [villageId, rest]));
    expect(byVillage[a.villageId]).toMatchObject({ opinions: 3, meetings: 1, meetingHouseholdsPresent: 8, decisionParticipants: 8, decisionEligible: 10, cases: 2 });
    expect(byVillage[b.villageId]).toMatchObject({ opinions: 1, meetings: 0, meetingHouseholdsPresent: 0, decisionParticipants: 4, decisionEligible: 6, cases: 1 });
  });

  it("puts what fell on 1 October (Vietnam time) into quarter IV, and a year sums its quarters' ratings", async () => {
    const q4 = await computeFigures(commune.communeId, parseReportPeriod("2026-Q4")!, vn("2027-01-05T09:00:00"));
    expect(q4.disclosed.count).toBe(1);
    expect(q4.opinions.received).toBe(1);
    expect(q4.cases.received).toBe(1);
    expect(q4.cases.pendingAtEnd).toBe(2); // the feedback of 30 September and the denunciation
    const year = await computeFigures(commune.communeId, parseReportPeriod("2026")!, vn("2027-01-05T09:00:00"));
    expect(year.ratings).toEqual({ answers: 6, overall: 3.7 });
    expect(year.disclosed.count).toBe(4);
    expect(year.cases.received).toBe(5);
  });
});

describe("the quarterly disclosure list (Law 10/2022 Art. 13.2)", () => {
  it("lists what was disclosed in the quarter with its forms and dates, and says so in the PDF", async () => {
    const { entries, doc } = await loadDisclosureList(commune.communeId, "2026-Q3", NOW);
    expect(entries.map((e) => e.title)).toEqual(["Quy hoạch khu dân cư Gò Cao", "Đóng góp làm đường bê tông", "Dự toán ngân sách xã năm 2027"]);
    expect(doc.subject).toBe("Danh mục thông tin đã công khai quý III năm 2026");
    const text = await pdfText(await renderPdf(doc));
    expect(text).toContain("khoản2Điều13LuậtThựchiệndânchủởcơsở");
    expect(text).toContain("từngày01/07/2026đếnngày30/09/2026");
    expect(text).toContain("Niêmyết(TrụsởUBNDxã):10/07/2026–09/08/2026");
    expect(text).toContain("Đàitruyềnthanhxã(Đàitruyềnthanhxã):cácngày11/07/2026,12/07/2026,13/07/2026");
    expect(text).toContain("30/09/2026");
    expect(text).toContain("Tổngsố:3thôngtin");
    expect(text).not.toContain("Kếhoạchđầutưcông");
    await expect(loadDisclosureList(commune.communeId, "2026-H2", NOW)).rejects.toMatchObject({ code: "periodicQuarterOnly" });
  });
});

describe("the periodic report as a document", () => {
  it("keeps the text staff save, refuses to issue a period still running, and issues with the register's next BC number and frozen figures", async () => {
    await savePeriodicTexts(commune.staff, { communeId: commune.communeId, period: "2026-Q3", introduction: "Lời mở đầu riêng của xã.", assessment: "Đánh giá: tốt.", recommendations: "Kiến nghị: tiếp tục." });
    const draft = await getPeriodicReport(commune.communeId, "2026-Q3", NOW);
    expect(draft.status).toBe("DRAFT");
    expect(draft.texts.introduction).toBe("Lời mở đầu riêng của xã.");

    const { doc } = await periodicReportFile(commune.communeId, "2026-Q3", NOW);
    expect(doc.numberLabel).toBeNull();
    const text = await pdfText(await renderPdf(doc));
    for (const s of ["Lờimởđầuriêngcủaxã.", "Đánhgiá:tốt.", "Kiếnnghị:tiếptục.", "đãcôngkhai3thôngtin", "SốnộidungNhândânbànvàquyếtđịnh:1,trongđóthôngqua:1", "12/16", "75,0%", "200.000đồng/hộ(3.200.000đồng)", "Sốýkiếnđãnhận:4;đãtrảlời(tiếpthu,giảitrình):2", "Sốhộinghịđãtổchức:1,tại1thôn,tổdânphố;sốhộdự:8/10hộ", "Sốvụviệccònđanggiảiquyếtđếnngày30/09/2026:1", "Sốhộinghịđốithoạiđãtổchức:1;sốngườidự:45;sốcâuhỏi,ýkiến:3,đãtrảlời:2", "điểmhàilòngchungtrungbình:4,2/5"]) {
      expect(text).toContain(s);
    }

    await expect(issuePeriodicReport(commune.staff, "2026-Q4", vn("2026-12-31T23:59:59"))).rejects.toMatchObject({ code: "periodicPeriodNotOver" });
    const before = await db.documentCounter.findUnique({ where: { communeId_year_type: { communeId: commune.communeId, year: 2026, type: "BC" } } });
    const issued = await issuePeriodicReport(commune.staff, "2026-Q3", NOW);
    expect(issued.numberLabel).toBe(`${String((before?.lastNumber ?? 0) + 1).padStart(2, "0")}/BC-UBND`);
    await expect(issuePeriodicReport(commune.staff, "2026-Q3", NOW)).rejects.toMatchObject({ code: "periodicReportIssued" });
    await expect(savePeriodicTexts(commune.staff, { communeId: commune.communeId, period: "2026-Q3", introduction: "Sửa sau khi ban hành.", assessment: "", recommendations: "" })).rejects.toMatchObject({ code: "periodicReportIssued" });
    const after = await db.documentCounter.findUnique({ where: { communeId_year_type: { communeId: commune.communeId, year: 2026, type: "BC" } } });
    expect(after!.lastNumber).toBe((before?.lastNumber ?? 0) + 1);

    // Input arriving after issue never changes the issued report.
    await opinion((await db.consultation.findFirstOrThrow({ where: { communeId: commune.communeId, title: "Quy hoạch khu dân cư Gò Cao" } })).id, a.villageId, "WEB", vn("2026-09-01T10:00:00"));
    const frozen = await getPeriodicReport(commune.communeId, "2026-Q3", NOW);
    expect(frozen.status).toBe("ISSUED");
    expect(frozen.figures.opinions.received).toBe(4);
    expect((await computeFigures(commune.communeId, Q3, NOW)).opinions.received).toBe(5);
    const issuedFile = await periodicReportFile(commune.communeId, "2026-Q3", NOW);
    expect(issuedFile.doc.numberLabel).toBe(issued.numberLabel);
    expect(issuedFile.name).toBe(`bao-cao-${issued.numberLabel!.replace("/", "-")}`);
    const events = await db.auditEvent.findMany({ where: { communeId: commune.communeId, entityType: "PeriodicReport" }, select: { action: true } });
    expect(events.map((e) => e.action).sort()).toEqual(["periodicReport.issue", "periodicReport.save"]);
  });

  it("takes two saves at once on a new report, and of two issues at once one gets the number, the other is refused", async () => {
    const save = (introduction: string) => savePeriodicTexts(commune.staff, { communeId: commune.communeId, period: "2026-Q2", introduction, assessment: "", recommendations: "" });
    const saves = await Promise.allSettled([save("Bản thứ nhất."), save("Bản thứ hai.")]);
    expect(saves.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
    expect(await db.periodicReport.count({ where: { communeId: commune.communeId, period: "2026-Q2" } })).toBe(1);
    const counter = () => db.documentCounter.findUniqueOrThrow({ where: { communeId_year_type: { communeId: commune.communeId, year: 2026, type: "BC" } } });
    const before = (await counter()).lastNumber;
    const issues = await Promise.allSettled([issuePeriodicReport(commune.staff, "2026-Q2", NOW), issuePeriodicReport(commune.staff, "2026-Q2", NOW)]);
    expect(issues.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(issues.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(["periodicReportIssued"]);
    expect((await counter()).lastNumber).toBe(before + 1);
  });

  it("lets staff, leaders and administrators write, the Front read, and nobody else", async () => {
    const front = await addFrontReviewer(commune.communeId);
    const user = await db.user.create({ data: { name: "Trưởng thôn thử", displayName: "Trưởng thôn", passwordHash: "x" }, select: { id: true } });
    await db.membership.create({ data: { userId: user.id, communeId: commune.communeId, role: "VILLAGE_HEAD", status: "VERIFIED", verificationMethod: "APPOINTED", verifiedAt: new Date(), villageId: a.villageId } });
    const people = { staff: commune.staffId, front: front.userId, villageHead: user.id };
    expect(await outcomesByPerson(people, commune.communeId, PERIODIC_WRITER_ROLES, async () => null)).toEqual({ staff: "ok", front: "forbidden", villageHead: "forbidden" });
    expect(await outcomesByPerson(people, commune.communeId, PERIODIC_READER_ROLES, async () => null)).toEqual({ staff: "ok", front: "ok", villageHead: "forbidden" });
  });
});

async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  let text = "";
  for (let n = 1; n <= pdf.numPages; n++) text += (await (await pdf.getPage(n)).getTextContent()).items.map((i) => ("str" in i ? i.str : "")).join("");
  return text.replace(/\s+/g, "");
}
