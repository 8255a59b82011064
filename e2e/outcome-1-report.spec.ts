// The summary report end to end: staff answer every opinion of the closed consultation and generate
// the report, send it to the Front; the Front signs it off; the chair approves it (it gets its number)
// and staff publish it; anyone downloads the DOCX and the PDF from the public page, and both carry the
// Decree 30 header, the number and the date line.
import { readFileSync } from "node:fs";

import JSZip from "jszip";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

import { expect, expectAccessible, query, signIn, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

let consultationId = "";
const staffReport = () => `/thien-tin/staff/consultations/${consultationId}/report`;

test.beforeAll(async () => {
  const [c] = await query<{ id: string }>(`SELECT id FROM "Consultation" WHERE title = 'Dự thảo Kế hoạch phát triển kinh tế - xã hội năm 2026'`);
  consultationId = c!.id;
});

test.beforeEach(async ({ page }) => {
  page.on("dialog", (dialog) => void dialog.accept());
});

/** "Thiện Tín, ngày 05 tháng 02 năm 2026" for an instant, in Vietnam's time zone (Decree 30's zeros). */
function dateLine(instant: Date) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Ho_Chi_Minh", day: "numeric", month: "numeric", year: "numeric" }).formatToParts(instant).map((p) => [p.type, p.value]),
  );
  const day = Number(parts.day);
  const month = Number(parts.month);
  return `Thiện Tín, ngày ${day < 10 ? `0${day}` : day} tháng ${month <= 2 ? `0${month}` : month} năm ${parts.year}`;
}

const squeeze = (s: string) => s.replace(/\s+/g, "");

test("staff answer every opinion, generate the report and send it to the Front", async ({ page }) => {
  test.slow(); // six pages checked with axe and two documents rendered, on a shared 2-core machine
  await signIn(page, "canbo@thientin.danban.local");
  await page.goto(`/thien-tin/staff/consultations/${consultationId}`);
  await expectAccessible(page, "staff consultation page");
  await page.getByRole("link", { name: "Báo cáo tổng hợp" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Báo cáo tổng hợp, tiếp thu, giải trình ý kiến Nhân dân" })).toBeVisible();
  await expect(page.getByTestId("report-missing")).toContainText("Còn 2 ý kiến chưa được trả lời");
  await expectAccessible(page, "report page before any version");

  await page.goto(`/thien-tin/staff/consultations/${consultationId}/opinions`);
  await expectAccessible(page, "staff opinions to answer");
  for (const box of await page.getByLabel(/^Chọn ý kiến số \d+ để trả lời chung$/).all()) await box.check();
  const bulk = page.locator("form").filter({ hasText: "Trả lời chung cho các ý kiến đã chọn" });
  await bulk.getByLabel("Nội dung trả lời").fill("UBND xã tiếp thu, bổ sung vào Kế hoạch phát triển kinh tế - xã hội năm 2026.");
  await bulk.getByRole("button", { name: "Lưu trả lời" }).click();
  await expect(bulk.getByRole("status")).toContainText("Đã trả lời 2 ý kiến.");

  await page.goto(staffReport());
  // Every opinion answered, but the Front has not signed off: that is what is missing, never "ready".
  await expect(page.getByTestId("report-missing")).not.toContainText("Đã đủ điều kiện phê duyệt");
  await expect(page.getByTestId("report-missing-front")).toContainText("Chưa có ý kiến thống nhất của Ủy ban MTTQ Việt Nam xã");
  await page.getByRole("button", { name: "Tạo báo cáo từ dữ liệu hiện tại" }).click();
  await expect(page.getByText("Đã tạo phiên bản mới của báo cáo.")).toBeVisible();
  await expect(page.getByTestId("report-version")).toHaveCount(1);
  await expect(page.getByTestId("report-status")).toHaveAttribute("data-status", "DRAFT");
  await expectAccessible(page, "report page with a draft");
  // The draft downloads for staff, marked as a draft and without a number.
  const draft = await page.request.get(`/api/reports/${(await query<{ id: string }>(`SELECT id FROM "Report" WHERE "consultationId" = $1`, [consultationId]))[0]!.id}/document?format=docx`);
  expect(draft.status()).toBe(200);
  // "DỰ THẢO" at the top of every page: in the first page's header and the others'.
  const draftZip = await JSZip.loadAsync(await draft.body());
  const headers = Object.keys(draftZip.files).filter((f) => /^word\/header\d*\.xml$/.test(f));
  expect(headers.length).toBeGreaterThanOrEqual(2);
  for (const h of headers) expect(await draftZip.file(h)!.async("string")).toContain("DỰ THẢO");

  await page.getByRole("button", { name: "Gửi Ủy ban MTTQ xem xét" }).click();
  await expect(page.getByTestId("report-status")).toHaveAttribute("data-status", "FRONT_REVIEW");
});

test("the Front signs the report off", async ({ page }) => {
  await signIn(page, "mttq@thientin.danban.local");
  await page.goto(`/thien-tin/front/consultations/${consultationId}`);
  const review = page.getByTestId("front-report");
  await expect(review).toContainText("Chờ Ủy ban MTTQ xem xét");
  await expectAccessible(page, "Front review of the report");
  await review.getByRole("button", { name: "Thống nhất báo cáo" }).click();
  await expect(review.getByTestId("report-status")).toHaveAttribute("data-status", "FRONT_SIGNED_OFF");
});

test("the chair approves it, it gets its number, and staff publish it", async ({ page }) => {
  await signIn(page, "chutich@thientin.danban.local");
  await page.goto(staffReport());
  await expect(page.getByTestId("report-missing")).toContainText("Đã đủ điều kiện phê duyệt");
  await expect(page.getByTestId("report-missing-front")).toHaveCount(0);
  await page.getByRole("button", { name: "Phê duyệt và cấp số văn bản" }).click();
  await expect(page.getByTestId("report-status")).toHaveAttribute("data-status", "APPROVED");
  const [issued] = await query<{ label: string }>(`SELECT d.label FROM "Report" r JOIN "IssuedDocument" d ON d.id = r."documentId" WHERE r."consultationId" = $1`, [consultationId]);
  expect(issued!.label).toMatch(/^\d{2,}\/BC-UBND$/);
  await expect(page.getByTestId("report-status")).toContainText(`Số văn bản: ${issued!.label}`);
  await expectAccessible(page, "approved report");

  await page.context().clearCookies();
  await signIn(page, "canbo@thientin.danban.local");
  await page.goto(staffReport());
  await page.getByRole("button", { name: "Công bố trên trang lấy ý kiến" }).click();
  await expect(page.getByTestId("report-status")).toHaveAttribute("data-status", "PUBLISHED");
});

test("anyone downloads the DOCX and the PDF with the header, the number and the date line", async ({ page }) => {
  const [report] = await query<{ label: string; approvedAt: Date }>(
    `SELECT d.label, r."approvedAt" FROM "Report" r JOIN "IssuedDocument" d ON d.id = r."documentId" WHERE r."consultationId" = $1`,
    [consultationId],
  );
  const expected = ["ỦY BAN NHÂN DÂN", "XÃ THIỆN TÍN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", `Số: ${report!.label}`, dateLine(report!.approvedAt), "BÁO CÁO", "Tổng hợp, tiếp thu, giải trình ý kiến Nhân dân về dự thảo Kế hoạch phát triển kinh tế - xã hội năm 2026", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nơi nhận:"];

  await page.goto(`/thien-tin/consultations/${consultationId}`);
  const section = page.getByTestId("published-report");
  await expect(section).toContainText(report!.label);
  await expectAccessible(page, "public page with the published report");

  const [docxDownload] = await Promise.all([page.waitForEvent("download"), section.getByTestId("report-docx").click()]);
  const docx = readFileSync((await docxDownload.path())!);
  const xml = await (await JSZip.loadAsync(docx)).file("word/document.xml")!.async("string");
  const docxText = xml.replace(/<w:p[ >]/g, "\n$&").replace(/<[^>]+>/g, "").replace(/&amp;/g, "&");
  for (const text of expected) expect(docxText, `DOCX has "${text}"`).toContain(text);
  expect(docxText).not.toContain("DỰ THẢO");

  const [pdfDownload] = await Promise.all([page.waitForEvent("download"), section.getByTestId("report-pdf").click()]);
  const pdf = await getDocument({ data: new Uint8Array(readFileSync((await pdfDownload.path())!)), useSystemFonts: false, isEvalSupported: false }).promise;
  const first = await (await pdf.getPage(1)).getTextContent();
  const pdfText = squeeze(first.items.map((i) => ("str" in i ? i.str : "")).join(""));
  for (const text of expected.slice(0, 8)) expect(pdfText, `PDF page 1 has "${text}"`).toContain(squeeze(text));
});
