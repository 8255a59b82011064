// A leader opens the grassroots-democracy dashboard (issue 14 §4), reads this quarter's figures beside
// their charts, and downloads the quarterly report: the PDF and the DOCX are real files carrying the
// same figures as the dashboard. Staff save the report's text; the Front reads the dashboard; a resident
// is refused.
import { readFileSync } from "node:fs";

import JSZip from "jszip";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

import { expect, expectAccessible, signIn, test } from "./fixtures";

const LEADER = "chutich@thientin.danban.local";
const FRONT = "mttq@thientin.danban.local";
const RESIDENT = "0901000001";

/** This quarter in Vietnam time, as the dashboard names it ("2026-Q4", shown "Q4/2026"). */
function thisQuarter() {
  const [year, month] = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 7).split("-").map(Number) as [number, number];
  return { key: `${year}-Q${Math.ceil(month / 3)}`, column: `Q${Math.ceil(month / 3)}/${year}` };
}
const squeeze = (s: string) => s.replace(/\s+/g, "");

// The dashboard computes four quarters and the year, and axe checks pages full of tables: on the shared
// 2-core machines this journey needs more than the default 90 s.
test.setTimeout(240_000);

test("a leader reads the dashboard and downloads the quarterly report with the same figures", async ({ page }) => {
  const quarter = thisQuarter();
  await signIn(page, LEADER);
  await page.goto("/thien-tin/staff/dashboard");
  await expect(page.getByRole("heading", { name: "Bảng số liệu thực hiện dân chủ ở cơ sở", level: 1 })).toBeVisible();
  await expectAccessible(page, "the dashboard");

  // Each chart is an SVG drawn on the server, named for screen readers, with its table beside it.
  const chart = page.getByRole("img", { name: /Biểu đồ cột theo quý/ });
  await expect(chart.locator("svg")).toHaveCount(1);
  await expect(page.getByTestId("chart-villages").locator("svg")).toHaveCount(1);
  await expect(page.getByTestId("table-villages")).toContainText("Phú Khương");
  expect(await page.locator("script[src*='echarts']").count()).toBe(0);

  const table = page.getByTestId("table-over-time");
  const column = (await table.locator("thead th").allInnerTexts()).indexOf(quarter.column);
  expect(column).toBeGreaterThan(0);
  const figure = async (row: string) => Number(await table.locator("tbody tr", { has: page.getByRole("rowheader", { name: row, exact: true }) }).locator("th, td").nth(column).innerText());
  const disclosed = await figure("Thông tin đã công khai");
  const received = await figure("Ý kiến đã nhận");
  const answered = await figure("Ý kiến đã trả lời");
  const meetings = await figure("Hội nghị thôn, tổ dân phố");

  const expected = [
    "Kết quả thực hiện dân chủ ở cơ sở quý",
    "I. KẾT QUẢ THỰC HIỆN",
    `Ủy ban nhân dân xã đã công khai ${disclosed} thông tin`,
    `Số ý kiến đã nhận: ${received}; đã trả lời (tiếp thu, giải trình): ${answered}.`,
    `Số hội nghị đã tổ chức: ${meetings},`,
    "Thường trực HĐND xã",
  ];

  const [pdfDownload] = await Promise.all([page.waitForEvent("download"), page.getByTestId(`report-${quarter.key}-pdf`).click()]);
  const pdfBytes = readFileSync((await pdfDownload.path())!);
  expect(pdfBytes.subarray(0, 5).toString()).toBe("%PDF-");
  const pdf = await getDocument({ data: new Uint8Array(pdfBytes), useSystemFonts: false, isEvalSupported: false }).promise;
  let pdfText = "";
  for (let n = 1; n <= pdf.numPages; n++) pdfText += (await (await pdf.getPage(n)).getTextContent()).items.map((i) => ("str" in i ? i.str : "")).join("");
  for (const text of expected) expect(squeeze(pdfText), `PDF has "${text}"`).toContain(squeeze(text));

  const [docxDownload] = await Promise.all([page.waitForEvent("download"), page.getByTestId(`report-${quarter.key}-docx`).click()]);
  const docx = readFileSync((await docxDownload.path())!);
  expect(docx.subarray(0, 2).toString()).toBe("PK");
  const xml = await (await JSZip.loadAsync(docx)).file("word/document.xml")!.async("string");
  const docxText = xml.replace(/<w:p[ >]/g, "\n$&").replace(/<[^>]+>/g, "").replace(/&amp;/g, "&");
  for (const text of expected) expect(docxText, `DOCX has "${text}"`).toContain(text);

  // The quarterly disclosure list (Art. 13.2) is a real PDF too.
  const list = await page.request.get(`/api/communes/thien-tin/disclosure-list/pdf?quarter=${quarter.key}`);
  expect(list.status()).toBe(200);
  expect((await list.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // The leader writes the report's text and saves the draft; it stays after a reload.
  await page.goto(`/thien-tin/staff/periodic-reports?period=${quarter.key}`);
  await expect(page.getByRole("heading", { name: "Báo cáo định kỳ về thực hiện dân chủ ở cơ sở", level: 1 })).toBeVisible();
  await expectAccessible(page, "the periodic reports page");
  await page.getByLabel("II. Đánh giá chung").fill("Đánh giá của lãnh đạo xã trong kiểm thử trình duyệt.");
  await page.getByRole("button", { name: "Lưu dự thảo" }).click();
  await expect(page.getByText("Đã lưu dự thảo.")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("periodic-status")).toContainText("Dự thảo đã lưu");
  await expect(page.getByLabel("II. Đánh giá chung")).toHaveValue("Đánh giá của lãnh đạo xã trong kiểm thử trình duyệt.");
  await expectAccessible(page, "the periodic reports page with a saved draft");
});

test("the Front reads the dashboard; a resident is refused", async ({ page }) => {
  await signIn(page, FRONT);
  await page.goto("/thien-tin/front/dashboard");
  await expect(page.getByTestId("table-over-time")).toBeVisible();
  await expectAccessible(page, "the Front's dashboard");
  const report = await page.request.get(`/api/communes/thien-tin/periodic-reports/pdf?period=${thisQuarter().key}`);
  expect(report.status()).toBe(200);

  await page.context().clearCookies();
  await signIn(page, RESIDENT);
  await page.goto("/thien-tin/front/dashboard");
  await expect(page.getByRole("heading", { name: "Bạn không có quyền xem trang này", level: 1 })).toBeVisible();
  await expectAccessible(page, "forbidden: the dashboard");
  expect((await page.request.get(`/api/communes/thien-tin/periodic-reports/pdf?period=${thisQuarter().key}`)).status()).toBe(403);
});
