import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";

import type { CommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { answerSupervisionNote } from "@/lib/oversight/supervision";
import { accessAs, OTHER_STAFF_EMAIL, seedDemo, STAFF_EMAIL } from "@/scripts/test/fixtures";

import { answerOpinions } from "./answer-opinions";
import { renderCount } from "@/lib/documents/render-cached";
import { vnDateParts } from "@/lib/documents/format";

import { reportFile } from "./report-file";
import {
  approveReport,
  editReportText,
  generateReport,
  publishReport,
  renameReportTheme,
  returnReport,
  signOffReport,
  submitToFront,
} from "./report-workflow";
import type { ReportSnapshot } from "./snapshot";

const FRONT_EMAIL = "mttq@thientin.danban.local";
const LEADER_EMAIL = "chutich@thientin.danban.local";

let consultationId: string;
let staff: CommuneAccess;
let front: CommuneAccess;
let leader: CommuneAccess;

const snapshotOf = async (reportId: string, version: number) =>
  (await db.reportVersion.findUniqueOrThrow({ where: { reportId_version: { reportId, version } }, select: { snapshot: true } })).snapshot as unknown as ReportSnapshot;
const statusOf = async (reportId: string) => (await db.report.findUniqueOrThrow({ where: { id: reportId }, select: { status: true } })).status;
// This year's BC line of the register (Vietnam time): other tests of the run issue BCs dated in other years.
const bcCounter = async (communeId: string) =>
  (await db.documentCounter.findUnique({ where: { communeId_year_type: { communeId, year: vnDateParts(new Date()).year, type: "BC" } }, select: { lastNumber: true } }))?.lastNumber ?? 0;

beforeAll(async () => {
  await seedDemo();
  staff = await accessAs(STAFF_EMAIL, "thien-tin", ["STAFF"]);
  front = await accessAs(FRONT_EMAIL, "thien-tin", ["FRONT_REVIEWER"]);
  leader = await accessAs(LEADER_EMAIL, "thien-tin", ["LEADER"]);
  consultationId = (await db.consultation.findFirstOrThrow({ where: { communeId: staff.communeId, status: "CLOSED", title: { startsWith: "Dự thảo Kế hoạch phát triển" } }, select: { id: true } })).id;
});

describe("the summary report's workflow", () => {
  it("runs draft → Front review → sign-off → approval with a number → published, in that order only, per role", async () => {
    const step = { communeId: staff.communeId };
    // Only staff generate; another commune's staff do not even see the consultation.
    await expect(generateReport(front, { ...step, consultationId })).rejects.toMatchObject({ status: 403 });
    const other = await accessAs(OTHER_STAFF_EMAIL, "nghia-hanh", ["STAFF"]);
    await expect(generateReport(other, { communeId: other.communeId, consultationId })).rejects.toMatchObject({ status: 404 });

    const first = await generateReport(staff, { ...step, consultationId });
    expect(first.version).toBe(1);
    const v1 = await snapshotOf(first.reportId, 1);
    expect(v1.counts.opinions).toBeGreaterThanOrEqual(2);
    expect(v1.counts.unanswered).toBe(v1.counts.opinions);
    // Every village of the commune, against all its households (other test files add villages of their own).
    expect(v1.participation.villages.length).toBe(await db.village.count({ where: { communeId: staff.communeId } }));
    expect(v1.participation.totals.households).toBeGreaterThan(0);
    expect(v1.opinions.every((o) => o.id && o.number > 0)).toBe(true);

    // Later input never changes a generated version: answering now leaves version 1 as it was.
    const opinionIds = v1.opinions.map((o) => o.id);
    await answerOpinions(staff, { ...step, consultationId, opinionIds, kind: "TAKEN_ON_BOARD", body: "Tiếp thu, bổ sung vào kế hoạch năm 2026." });
    expect((await snapshotOf(first.reportId, 1)).counts.unanswered).toBe(v1.counts.opinions);
    const second = await generateReport(staff, { ...step, consultationId });
    expect(second).toEqual({ reportId: first.reportId, version: 2 });
    const v2 = await snapshotOf(first.reportId, 2);
    expect(v2.counts.unanswered).toBe(0);
    expect(Object.values(v2.answers)).toEqual([{ kind: "TAKEN_ON_BOARD", body: "Tiếp thu, bổ sung vào kế hoạch năm 2026." }]);
    expect(await db.reportVersion.count({ where: { reportId: first.reportId } })).toBe(2);

    const reportId = first.reportId;
    await editReportText(staff, { ...step, reportId, introduction: "Mở đầu do cán bộ viết.", conclusions: "Kiến nghị do cán bộ viết." });
    const theme = v2.themes.themes[0];
    if (theme) await renameReportTheme(staff, { ...step, reportId, themeId: theme.id, label: "Hạ tầng nông thôn" });

    // Nobody skips the Front: not the leader, and the Front cannot sign off a draft.
    await expect(approveReport(leader, { ...step, reportId })).rejects.toMatchObject({ code: "reportNotSignedOff", status: 409 });
    await expect(signOffReport(front, { ...step, reportId })).rejects.toMatchObject({ code: "reportNotInReview" });
    await expect(submitToFront(front, { ...step, reportId })).rejects.toMatchObject({ status: 403 });

    await submitToFront(staff, { ...step, reportId });
    expect(await statusOf(reportId)).toBe("FRONT_REVIEW");
    await expect(generateReport(staff, { ...step, consultationId })).rejects.toMatchObject({ code: "reportNotDraft" });
    await expect(editReportText(staff, { ...step, reportId, introduction: "x", conclusions: "y" })).rejects.toMatchObject({ code: "reportNotDraft" });
    await expect(approveReport(leader, { ...step, reportId })).rejects.toMatchObject({ code: "reportNotSignedOff" });
    await expect(signOffReport(staff, { ...step, reportId })).rejects.toMatchObject({ status: 403 });

    // The Front returns it with notes: back to draft, and the notes are a supervision note to answer.
    const returned = await returnReport(front, { ...step, reportId, notes: "Đề nghị bổ sung số liệu hội nghị thôn Bàn Thới." });
    expect(await statusOf(reportId)).toBe("DRAFT");
    const note = await db.supervisionNote.findUniqueOrThrow({ where: { id: returned.noteId }, select: { reportId: true, body: true, respondedAt: true } });
    expect(note).toMatchObject({ reportId, respondedAt: null });

    await submitToFront(staff, { ...step, reportId });
    await signOffReport(front, { ...step, reportId });
    expect(await statusOf(reportId)).toBe("FRONT_SIGNED_OFF");

    // Staff cannot approve; the leader is refused while the Front's note is open, and no number is used.
    await expect(approveReport(staff, { ...step, reportId })).rejects.toMatchObject({ status: 403 });
    const before = await bcCounter(staff.communeId);
    await expect(approveReport(leader, { ...step, reportId })).rejects.toMatchObject({ code: "reportMissing", status: 409, params: { opinions: 0, notes: 1, version: 0 } });
    expect(await bcCounter(staff.communeId)).toBe(before);
    expect(await statusOf(reportId)).toBe("FRONT_SIGNED_OFF");

    await answerSupervisionNote(staff, { communeId: staff.communeId, noteId: returned.noteId, response: "Đã bổ sung số liệu hội nghị thôn." });
    const approved = await approveReport(leader, { ...step, reportId });
    const expected = before + 1;
    expect(approved.number).toBe(`${expected < 10 ? `0${expected}` : expected}/BC-UBND`);
    const report = await db.report.findUniqueOrThrow({ where: { id: reportId }, select: { status: true, approvedById: true, document: { select: { label: true, type: true } } } });
    expect(report).toMatchObject({ status: "APPROVED", approvedById: leader.userId, document: { label: approved.number, type: "BC" } });
    expect((await db.consultation.findUniqueOrThrow({ where: { id: consultationId }, select: { status: true } })).status).toBe("SUMMARISED");
    await expect(approveReport(leader, { ...step, reportId })).rejects.toMatchObject({ code: "reportAlreadyApproved" });

    // Drafts are for staff and the Front only; the published report for everyone.
    await expect(reportFile(reportId, "docx", null)).rejects.toMatchObject({ status: 401 });
    await expect(reportFile(reportId, "docx", other.userId)).rejects.toMatchObject({ status: 404 });
    await expect(publishReport(front, { ...step, reportId })).rejects.toMatchObject({ status: 403 });
    await publishReport(staff, { ...step, reportId });
    expect(await statusOf(reportId)).toBe("PUBLISHED");
    const file = await reportFile(reportId, "docx", null);
    // Rendered once per version and stored: the next anonymous download renders nothing, same bytes.
    const renders = renderCount();
    expect((await reportFile(reportId, "docx", null)).bytes.equals(file.bytes)).toBe(true);
    expect(renderCount()).toBe(renders);
    const xml = await (await JSZip.loadAsync(file.bytes)).file("word/document.xml")!.async("string");
    const text = xml.replace(/<[^>]+>/g, "");
    expect(text).toContain(`Số: ${approved.number}`);
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain("Tổng hợp, tiếp thu, giải trình ý kiến Nhân dân về dự thảo Kế hoạch phát triển");
    expect(text).toContain("Mở đầu do cán bộ viết.");
    expect(text).not.toContain("DỰ THẢO");
    // Opinions are cited by number, never by an internal id.
    expect(text).not.toContain(opinionIds[0]);
    // Earlier versions stay drafts, for staff only.
    await expect(reportFile(reportId, "pdf", null, 1)).rejects.toMatchObject({ status: 401 });
    const draft = await reportFile(reportId, "docx", staff.userId, 1);
    const draftZip = await JSZip.loadAsync(draft.bytes);
    const draftText = (await draftZip.file("word/document.xml")!.async("string")).replace(/<[^>]+>/g, "");
    // "DỰ THẢO" is in the page headers (every page), not in the body.
    const headers = await Promise.all(Object.keys(draftZip.files).filter((f) => /^word\/header\d*\.xml$/.test(f)).map((f) => draftZip.file(f)!.async("string")));
    expect(headers.length).toBeGreaterThanOrEqual(2);
    for (const h of headers) expect(h).toContain("DỰ THẢO");
    expect(draftText).toContain("Chưa trả lời.");

    const actions = (await db.auditEvent.findMany({ where: { entityType: "Report", entityId: reportId }, select: { action: true }, orderBy: { seq: "asc" } })).map((e) => e.action);
    expect(actions).toEqual([
      "report.generate",
      "report.generate",
      "report.editText",
      ...(theme ? ["report.renameTheme"] : []),
      "report.submit",
      "report.frontReturn",
      "report.submit",
      "report.frontSignOff",
      "report.approve",
      "report.publish",
    ]);
  });
});
