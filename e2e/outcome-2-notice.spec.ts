// The outcome notice, after the report journey (outcome-1-report.spec.ts) on the same consultation:
// staff draft the notice, a leader approves (numbered …/TB-UBND) and publishes it; the DOCX and PDF
// carry the Decree 30 header, number and date line; a resident who commented finds the notice in the
// inbox with the answer to their own opinion, and the email digest arrives at the SMTP sink.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import JSZip from "jszip";
import PgBoss from "pg-boss";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

import { expect, expectAccessible, query, signIn, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

const TITLE = "Dự thảo Kế hoạch phát triển kinh tế - xã hội năm 2026";
const MY_OPINION = "Đề nghị ưu tiên vốn làm đường nội đồng thôn Phú Khương trong năm 2026.";
const MY_ANSWER = "Tiếp thu: bổ sung 1,2 km đường nội đồng Phú Khương vào kế hoạch năm 2026.";
const EMAIL = "dan.phukhuong@example.test";
let consultationId = "";
let label = "";

const docxText = async (bytes: Buffer) => {
  const xml = await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""));
};

const pdfText = async (bytes: Buffer) => {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const content = await (await pdf.getPage(1)).getTextContent();
  return content.items.map((i) => ("str" in i ? i.str : "")).join(" ").replace(/\s+/g, " ");
};

test.beforeAll(async () => {
  const [c] = await query<{ id: string; communeId: string; opinionSeq: number }>(`SELECT id, "communeId", "opinionSeq" FROM "Consultation" WHERE title = $1`, [TITLE]);
  consultationId = c!.id;
  const [me] = await query<{ id: string }>(`UPDATE "User" SET email = $1, "emailVerifiedAt" = now(), "emailOptOut" = false WHERE phone = '+84901000001' RETURNING id`, [EMAIL]);
  const [staff] = await query<{ id: string }>(`SELECT id FROM "User" WHERE email = 'canbo@thientin.danban.local'`);
  // The resident's own opinion (sent while the consultation was open), then an answer for every opinion.
  // Written once: a retried worker runs this again.
  const [done] = await query<{ id: string }>(`SELECT id FROM "Opinion" WHERE id = 'e2e-notice-opinion'`);
  if (done) return;
  await query(
    `INSERT INTO "Opinion" (id, "communeId", "consultationId", number, "authorId", "displayName", body, channel, "updatedAt")
     VALUES ('e2e-notice-opinion', $1, $2, $3, $4, 'Người dân Phú Khương', $5, 'WEB', now())`,
    [c!.communeId, c!.id, c!.opinionSeq + 1, me!.id, MY_OPINION],
  );
  await query(`UPDATE "Consultation" SET "opinionSeq" = "opinionSeq" + 1 WHERE id = $1`, [c!.id]);
  await query(
    `INSERT INTO "OpinionAnswer" (id, "communeId", "consultationId", kind, body, "answeredById", "updatedAt") VALUES
     ('e2e-answer-mine', $1, $2, 'TAKEN_ON_BOARD', $3, $4, now()),
     ('e2e-answer-rest', $1, $2, 'EXPLAINED', 'Giải trình: các chỉ tiêu còn lại giữ như dự thảo theo nghị quyết của HĐND xã.', $4, now())`,
    [c!.communeId, c!.id, MY_ANSWER, staff!.id],
  );
  await query(`UPDATE "Opinion" SET "answerId" = CASE WHEN id = 'e2e-notice-opinion' THEN 'e2e-answer-mine' ELSE 'e2e-answer-rest' END WHERE "consultationId" = $1`, [c!.id]);
  // After outcome-1-report.spec.ts the consultation has its published report; run alone, this spec
  // stands in for it with an approved report written to the database.
  await query(`INSERT INTO "Report" (id, "communeId", "consultationId", status, "createdById", "updatedAt", "approvedAt") VALUES ('e2e-report', $1, $2, 'APPROVED', $3, now(), now()) ON CONFLICT ("consultationId") DO NOTHING`, [
    c!.communeId,
    c!.id,
    staff!.id,
  ]);
});

test("staff draft the notice from the approved report and edit it", async ({ page }) => {
  await signIn(page, "canbo@thientin.danban.local");
  await page.goto(`/thien-tin/staff/consultations/${consultationId}`);
  const exports = page.getByRole("region", { name: "Xuất dữ liệu" });
  await expect(exports.getByRole("link", { name: /Ý kiến \(CSV\)/ })).toHaveAttribute("href", `/api/communes/thien-tin/consultations/${consultationId}/exports/csv`);
  const csv = await page.request.get(`/api/communes/thien-tin/consultations/${consultationId}/exports/csv`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-disposition"]).toContain(`y-kien-${consultationId}.csv`);
  expect((await csv.body()).toString("utf8")).toContain(MY_ANSWER);
  await expectAccessible(page, "staff consultation page with exports");

  await page.getByRole("link", { name: "Thông báo kết quả", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Thông báo kết quả lấy ý kiến", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Soạn thông báo từ báo cáo" }).click();
  await expect(page.getByTestId("notice-status")).toHaveText("Trạng thái: Dự thảo");
  const body = page.getByLabel(/^Nội dung thông báo/);
  // The notice tells what the approved report holds (its snapshot), not the live tables: the opinion and
  // the answers this spec wrote by SQL after the approval are not in it (lib/notices/draft-notice.ts).
  await expect(body).toHaveValue(/Tổng số ý kiến nhận được: 2/);
  await expect(body).toHaveValue(/tiếp thu 2 ý kiến, giải trình 0 ý kiến/);
  await expect(page.getByLabel(/^Bài đọc trên loa/)).toHaveValue(/bà con đã gửi hai ý kiến/);
  await expectAccessible(page, "staff notice draft");

  // A too short text is refused and what was typed stays.
  await body.fill("Quá ngắn.");
  await page.getByRole("button", { name: "Lưu dự thảo" }).click();
  await expect(page.getByText("Nội dung thông báo cần ít nhất 50 ký tự.")).toBeVisible();
  await expect(body).toHaveValue("Quá ngắn.");
  await page.reload();
  await body.fill(`${await body.inputValue()}\n\nThời gian thực hiện: năm 2026.`);
  await page.getByRole("button", { name: "Lưu dự thảo" }).click();
  await expect(page.getByText("Đã lưu dự thảo.")).toBeVisible();
  await expect(page.getByText("Chờ lãnh đạo UBND xã (Chủ tịch hoặc Phó Chủ tịch) phê duyệt và cấp số.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Phê duyệt và cấp số văn bản" })).toHaveCount(0);
});

test("a leader approves (numbered TB-UBND) and publishes it", async ({ page }) => {
  await signIn(page, "chutich@thientin.danban.local");
  await page.goto(`/thien-tin/staff/consultations/${consultationId}/notice`);
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "Phê duyệt và cấp số văn bản" }).click();
  await expect(page.getByTestId("notice-status")).toHaveText("Trạng thái: Đã phê duyệt, chờ công bố");
  await expect(page.getByTestId("notice-number")).toContainText(/Số: \d{2,}\/TB-UBND/);
  label = /(\d{2,}\/TB-UBND)/.exec((await page.getByTestId("notice-number").textContent())!)![1]!;
  await expectAccessible(page, "approved notice");
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "Công bố thông báo" }).click();
  await expect(page.getByTestId("notice-status")).toHaveText("Trạng thái: Đã công bố");

  const [posting] = await query<{ channel: string }>(`SELECT p.channel FROM "DisclosurePosting" p JOIN "OutcomeNotice" n ON n.id = p."noticeId" WHERE n."consultationId" = $1`, [consultationId]);
  expect(posting?.channel).toBe("WEB_PORTAL");
});

test("anyone reads the notice on the consultation page and downloads its DOCX and PDF", async ({ page }) => {
  await page.goto(`/thien-tin/consultations/${consultationId}`);
  const notice = page.getByTestId("public-notice");
  await expect(notice.getByRole("heading", { name: "Thông báo kết quả lấy ý kiến" })).toBeVisible();
  await expect(notice).toContainText(`Số: ${label}`);
  await notice.getByText("Bài đọc trên loa truyền thanh").click();
  await expect(notice.getByTestId("notice-loudspeaker")).toContainText("Ủy ban nhân dân xã Thiện Tín thông báo kết quả lấy ý kiến Nhân dân");
  await expectAccessible(page, "public consultation page with the notice");

  const downloading = page.waitForEvent("download");
  await notice.getByRole("link", { name: /Tải bản Word/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^thong-bao-ket-qua-${consultationId}-\\d{2,}-TB\\.docx$`));
  const paragraphs = await docxText(readFileSync((await download.path())!));
  expect(paragraphs).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  expect(paragraphs).toContain(`Số: ${label}`);
  expect(paragraphs).toContain("THÔNG BÁO");
  expect(paragraphs).toContain(`Kết quả lấy ý kiến Nhân dân về ${TITLE}`);
  expect(paragraphs.some((p) => /^Thiện Tín, ngày \d{2} tháng \d{1,2} năm \d{4}$/.test(p))).toBe(true);
  expect(paragraphs.some((p) => p.endsWith("./."))).toBe(true);
  expect(paragraphs).toContain("TM. ỦY BAN NHÂN DÂN");
  expect(paragraphs).toContain("CHỦ TỊCH");

  const pdf = await page.request.get(`/api/communes/thien-tin/consultations/${consultationId}/notice/pdf`);
  expect(pdf.status()).toBe(200);
  const text = await pdfText(await pdf.body());
  expect(text).toContain("THÔNG BÁO");
  expect(text).toContain(`Số: ${label}`);
  expect(text).toMatch(/Thiện Tín, ngày \d{2} tháng \d{1,2} năm \d{4}/);
});

test("the resident who commented sees the notice in the inbox and the answer to their opinion, on a phone", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, "0901000001");
  await page.goto("/thien-tin/account");
  const notification = page.getByTestId("notification").filter({ hasText: "Đã có thông báo kết quả lấy ý kiến" });
  await expect(notification).toHaveCount(1);
  await expect(notification.getByRole("link")).toHaveAttribute("href", `/thien-tin/consultations/${consultationId}#notice`);
  const mine = page.getByTestId("my-opinion").filter({ hasText: MY_OPINION });
  await expect(mine.getByTestId("my-opinion-answer")).toContainText("Kết quả: Tiếp thu");
  await expect(mine.getByTestId("my-opinion-answer")).toContainText(MY_ANSWER);
  await expectAccessible(page, "account page with the answer");
  await mine.getByRole("link", { name: "Xem thông báo kết quả" }).click();
  await expect(page.getByTestId("public-notice")).toBeVisible();
  await expectAccessible(page, "the notice on the consultation page, on a phone");
});

test("the email digest reaches the SMTP sink", async () => {
  test.setTimeout(150_000);
  const dirFile = "test-results/e2e-mail-dir";
  test.skip(!existsSync(dirFile), "the e2e server was started without the SMTP sink (E2E_SMTP_SINK=0)");
  const dir = readFileSync(dirFile, "utf8").trim();
  // Digests go out every minute in e2e; to wait less, the test queues the digest job itself, through
  // the job queue in the database (not through any public address).
  const boss = new PgBoss({ connectionString: readFileSync("test-results/e2e-database-url", "utf8").trim(), max: 1, supervise: false, schedule: false });
  await boss.start();
  await boss.send("notifications-digest", {});
  await boss.stop({ graceful: false, wait: false });
  const mine = () =>
    readdirSync(dir)
      .map((f) => JSON.parse(readFileSync(path.join(dir, f), "utf8")) as { to: string; subject: string; text: string })
      .filter((m) => m.to === EMAIL);
  await expect.poll(() => mine().length, { timeout: 120_000, intervals: [1000] }).toBeGreaterThan(0);
  const [mail] = mine();
  expect(mail!.subject).toMatch(/^Dân Bàn: \d+ thông báo mới$/);
  expect(mail!.text).toContain("Đã có thông báo kết quả lấy ý kiến");
  expect(mail!.text).toContain(`/thien-tin/consultations/${consultationId}#notice`);
});
