// Opinions from every channel of Art. 26.1, end to end: a staff member types a stack of 20 paper forms
// (two of them hotline calls) with the keyboard alone — households found by code and by a name typed
// without diacritics, forms without a name recorded as "not identified", a too-short opinion refused
// without losing what was typed — then finds them numbered in the answering screen, and counted by
// channel in the summary report's document.
import { randomUUID } from "node:crypto";

import JSZip from "jszip";

import { expect, expectAccessible, query, signIn, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

let consultationId = "";
let household = { code: "", name: "" };

/** "Nguyễn Văn An" → "nguyen van an": what a hurried officer types. */
const plain = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();

test.beforeAll(async () => {
  // A consultation of its own (a copy of an open commune-wide one, without its map: a second marker on
  // the same spot would cluster the home map's markers under the later journeys), so that no other
  // journey's counts move.
  consultationId = `e2e-kenh-${randomUUID().slice(0, 8)}`;
  await query(
    `INSERT INTO "Consultation" SELECT (jsonb_populate_record(c, jsonb_build_object(
        'id', $1::text, 'title', 'Lấy ý kiến qua các kênh (kiểm thử)', 'opinionSeq', 0,
        'geometry', null, 'centerLat', null, 'centerLng', null,
        'commentStartsAt', now() - interval '5 days', 'commentEndsAt', now() + interval '10 days'))).*
     FROM "Consultation" c WHERE c.title = 'Kế hoạch sử dụng đất năm 2027 xã Thiện Tín'`,
    [consultationId],
  );
  const [h] = await query<{ code: string; name: string }>(
    `SELECT h.code, r."fullName" AS name FROM "Household" h JOIN "Resident" r ON r."householdId" = h.id JOIN "Commune" m ON m.id = h."communeId"
     WHERE m.slug = 'thien-tin' AND h."isActive" AND r."isActive" ORDER BY h.code DESC LIMIT 1`,
  );
  household = h!;
});

test("staff type 20 paper opinions with the keyboard alone; they are numbered in the answering screen and counted by channel in the report", async ({ page }) => {
  test.setTimeout(480_000);
  await signIn(page, "canbo@thientin.danban.local");
  await page.goto(`/thien-tin/staff/consultations/${consultationId}/channel-opinions`);
  await expect(page.getByRole("heading", { level: 1, name: "Nhập ý kiến qua các kênh" })).toBeVisible();
  await expectAccessible(page, "bulk entry of opinions");

  const search = page.getByLabel("Hộ gia đình (mã hộ hoặc tên)");
  const body = page.getByLabel("Nội dung ý kiến");
  const channel = page.getByLabel("Kênh tiếp nhận");
  const counter = page.getByTestId("entry-counter");
  await expect(search).toBeFocused();

  for (let i = 1; i <= 20; i++) {
    if (i === 19) {
      // The last two forms are hotline calls: Shift+Tab back to the channel, an arrow to change it, Tab back.
      for (let n = 0; n < 10 && !(await channel.evaluate((el) => el === document.activeElement)); n++) await page.keyboard.press("Shift+Tab");
      await expect(channel).toBeFocused();
      await page.keyboard.press("ArrowDown");
      await expect(channel).toHaveValue("HOTLINE");
      for (let n = 0; n < 10 && !(await search.evaluate((el) => el === document.activeElement)); n++) await page.keyboard.press("Tab");
      await expect(search).toBeFocused();
    }
    if (i % 3 === 1) {
      await page.keyboard.type(household.code);
      await page.keyboard.press("Enter");
      await expect(page.getByTestId("chosen-household")).toContainText(household.code);
    } else if (i % 3 === 2) {
      await page.keyboard.type(plain(household.name));
      await page.keyboard.press("Enter");
      await expect(page.getByTestId("chosen-household")).not.toContainText("không xác định");
    } else {
      await page.keyboard.press("Enter"); // no name on the form
      await expect(page.getByTestId("chosen-household")).toHaveText("Người gửi: không xác định");
    }
    await expect(body).toBeFocused();
    if (i === 5) {
      // Too short: refused with the reason, and nothing typed is lost.
      await page.keyboard.type("Ít");
      await page.keyboard.press("Enter");
      await expect(page.getByRole("alert").filter({ hasText: "ít nhất 5 ký tự" }).first()).toBeAttached();
      await expect(body).toHaveValue("Ít");
      await expect(page.getByTestId("chosen-household")).not.toContainText("không xác định");
      await body.press("End");
    }
    await page.keyboard.type(` Ý kiến phiếu số ${i} về đất nông nghiệp.`);
    await page.keyboard.press("Enter");
    await expect(counter).toContainText(`Đã nhập ${i} phiếu`);
    await expect(search).toBeFocused();
    await expect(search).toHaveValue("");
  }
  await expect(channel).toHaveValue("HOTLINE"); // the channel is kept from form to form

  // Numbered in the one sequence, in the staff answering screen, with the channel and the household.
  await page.goto(`/thien-tin/staff/consultations/${consultationId}/opinions`);
  await expectAccessible(page, "answering screen with paper opinions");
  const cards = page.getByTestId("review-opinion");
  await expect(cards).toHaveCount(20);
  for (const n of [1, 10, 20]) await expect(page.locator(`#review-${n}`)).toBeVisible();
  await expect(page.locator("#review-1")).toContainText("Phiếu lấy ý kiến");
  await expect(page.locator("#review-1")).toContainText(household.code);
  await expect(page.locator("#review-3")).toContainText("Không xác định người gửi");
  await expect(page.locator("#review-20")).toContainText("Đường dây nóng");

  // The public page shows the channel and "Người dân (phiếu giấy)", never the household.
  const publicPage = await page.request.get(`/thien-tin/consultations/${consultationId}`);
  const html = await publicPage.text();
  expect(html).toContain("Người dân (phiếu giấy)");
  expect(html).not.toContain(household.code);

  // The report counts them by channel, in its document.
  await page.goto(`/thien-tin/staff/consultations/${consultationId}/report`);
  await page.getByRole("button", { name: "Tạo báo cáo từ dữ liệu hiện tại" }).click();
  await expect(page.getByText("Đã tạo phiên bản mới của báo cáo.")).toBeVisible();
  await expectAccessible(page, "report page with paper opinions");
  const [report] = await query<{ id: string }>(`SELECT id FROM "Report" WHERE "consultationId" = $1`, [consultationId]);
  const docx = await page.request.get(`/api/reports/${report!.id}/document?format=docx`);
  expect(docx.status()).toBe(200);
  const xml = await (await JSZip.loadAsync(await docx.body())).file("word/document.xml")!.async("string");
  const text = xml.replace(/<[^>]+>/g, "");
  expect(text).toContain("Phiếu lấy ý kiến180");
  expect(text).toContain("Đường dây nóng20");
});

test("a village head opens the entry screen of their own village; the Front its own", async ({ page }) => {
  await signIn(page, "truongthon.tanphu1@thientin.danban.local");
  await page.goto(`/thien-tin/staff/consultations/${consultationId}/channel-opinions`);
  await expect(page.getByLabel("Kênh tiếp nhận")).toBeVisible();
  await expectAccessible(page, "a village head's entry screen");
  // No village to choose: their entries are of their own village.
  await expect(page.getByLabel("Thôn", { exact: true })).toHaveCount(0);
  await page.context().clearCookies();
  await signIn(page, "mttq@thientin.danban.local");
  await page.goto(`/thien-tin/front/consultations/${consultationId}/channel-opinions`);
  await expect(page.getByLabel("Kênh tiếp nhận")).toBeVisible();
  await expectAccessible(page, "the Front's entry screen");
});
