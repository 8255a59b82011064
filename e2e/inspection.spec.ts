// The People's Inspection Board (issue 13 §3): the public sees the board and its published
// recommendations; a member files a plan (refused when sent less than 5 working days ahead, Decree
// 59/2023 Art. 14) and a recommendation; the Front countersigns it (Law 10/2022 Art. 40.2.d); staff
// answer within the 15 days (Art. 40.1); the answer shows publicly; the report to the Front comes as
// PDF and DOCX. A member never enters the staff or Front areas. Axe on every page visited.
import JSZip from "jszip";

import { expect, expectAccessible, signIn, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

const INSPECTOR = "bantt@thientin.danban.local";
const RUN = Date.now().toString(36).slice(-5);
const RECOMMENDATION = `Kiến nghị sửa chữa đèn chiếu sáng đường thôn Phú Thọ ${RUN}`;
const ANSWER = "UBND xã tiếp thu, giao bộ phận Địa chính – Xây dựng sửa chữa trong tháng.";

/** A Vietnam calendar date `days` days from today, YYYY-MM-DD. */
const vnDay = (days: number) => new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

test("the public sees the board's members and its published recommendations with the answer clock", async ({ page }) => {
  await page.goto("/thien-tin/inspection-board");
  await expect(page.getByRole("heading", { name: "Ban Thanh tra nhân dân xã", level: 1 })).toBeVisible();
  await expect(page.getByTestId("board-members")).toContainText("Đoàn Văn Bình");
  await expect(page.getByTestId("board-members")).toContainText("Trưởng ban");
  const seeded = page.getByTestId("public-recommendation").filter({ hasText: "Kiến nghị công khai danh sách hộ được miễn, giảm" });
  await expect(seeded.getByTestId("answer-clock")).toHaveAttribute("data-state", "waiting");
  await expect(seeded.getByTestId("answer-clock")).toContainText("để UBND xã trả lời");
  await expectAccessible(page, "public inspection board page");
  // The workspace is for the board, the Front and staff only.
  await page.goto("/thien-tin/inspection");
  await expect(page).toHaveURL(/sign-in/);
  await expectAccessible(page, "sign-in asked for the workspace");
});

test("a board member files plans (the 5 working days enforced) and a recommendation, and stays out of the staff and Front areas", async ({ page }) => {
  await signIn(page, INSPECTOR);
  await page.goto("/thien-tin/inspection");
  await expect(page.getByRole("heading", { name: "Bàn làm việc của Ban Thanh tra nhân dân", level: 1 })).toBeVisible();
  await expectAccessible(page, "inspection workspace");

  const planForm = page.locator("details").filter({ hasText: "Kế hoạch kiểm tra, giám sát" });
  const filePlan = async (title: string, startsOn: string) => {
    if ((await planForm.getAttribute("open")) === null) await planForm.locator("summary").click();
    await planForm.getByLabel("Tiêu đề").fill(title);
    await planForm.getByLabel("Đối tượng kiểm tra, giám sát").fill("Bộ phận Tài chính - Kế toán UBND xã");
    await planForm.getByLabel("Ngày bắt đầu").fill(startsOn);
    await planForm.getByLabel("Phạm vi, nội dung kiểm tra").fill("Kiểm tra sổ sách thu chi quỹ đóng góp và việc niêm yết công khai.");
    await planForm.getByRole("button", { name: "Lưu hồ sơ" }).click();
    await expect(planForm.getByText("Đã lưu.")).toBeVisible();
  };
  const short = `Kế hoạch kiểm tra gấp ${RUN}`;
  await filePlan(short, vnDay(1));
  const shortItem = page.getByTestId("inspection-item").filter({ hasText: short });
  await shortItem.getByRole("button", { name: "Gửi kế hoạch" }).click();
  await expect(shortItem.getByRole("alert")).toContainText("ít nhất 5 ngày làm việc");
  await expect(shortItem.getByRole("alert")).toContainText("Điều 14 Nghị định 59/2023/NĐ-CP");
  await expectAccessible(page, "inspection workspace with a refused plan");

  const planned = `Kế hoạch giám sát quỹ đường thôn ${RUN}`;
  await filePlan(planned, vnDay(30));
  const plannedItem = page.getByTestId("inspection-item").filter({ hasText: planned });
  await plannedItem.getByRole("button", { name: "Gửi kế hoạch" }).click();
  // Sent: the item itself says so, with the day (the form's own "sent" line goes with the form, which a sent
  // plan no longer shows once the page refreshes).
  await expect(plannedItem.getByText(/Đã gửi · Gửi ngày \d{2}\/\d{2}\/\d{4}/)).toBeVisible();
  await expect(plannedItem.getByRole("button", { name: "Gửi kế hoạch" })).toHaveCount(0);

  const recForm = page.locator("details").filter({ has: page.locator("summary", { hasText: /^Kiến nghị$/ }) });
  await recForm.locator("summary").click();
  await recForm.getByLabel("Tiêu đề").fill(RECOMMENDATION);
  await recForm.getByLabel("Nội dung").fill("Nhiều bóng đèn đường thôn Phú Thọ hỏng từ tháng trước; Ban kiến nghị UBND xã kiểm tra, thay thế.");
  await recForm.getByRole("button", { name: "Lưu hồ sơ" }).click();
  await expect(recForm.getByText("Đã lưu.")).toBeVisible();
  await expect(page.getByTestId("inspection-item").filter({ hasText: RECOMMENDATION })).toContainText("Chờ Ủy ban MTTQ xã ký xác nhận");

  // A member sees and asks: never the staff area (cases, consultations) nor the Front's.
  await page.goto("/thien-tin/staff/cases");
  await expect(page.getByRole("heading", { name: "Bạn không có quyền xem trang này", level: 1 })).toBeVisible();
  await expectAccessible(page, "forbidden: the staff area");
  await page.goto("/thien-tin/front/inspection");
  await expect(page.getByRole("heading", { name: "Bạn không có quyền xem trang này", level: 1 })).toBeVisible();
  await expectAccessible(page, "forbidden: the Front area");
});

test("the Front countersigns the recommendation, and the 15 days start", async ({ page }) => {
  await signIn(page, "mttq@thientin.danban.local");
  await page.goto("/thien-tin/front/inspection");
  await expect(page.getByRole("heading", { name: "Ban Thanh tra nhân dân: ghi nhận và ký xác nhận", level: 1 })).toBeVisible();
  await expectAccessible(page, "the Front's inspection page");
  const item = page.getByTestId("inspection-item").filter({ hasText: RECOMMENDATION });
  await item.getByRole("button", { name: "Ký xác nhận" }).click();
  await expect(item.getByText("Đã ký xác nhận.")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("inspection-item").filter({ hasText: RECOMMENDATION }).getByTestId("answer-clock")).toContainText("Còn 15 ngày");
});

test("staff answer it; the answer shows on the public page; the report to the Front downloads", async ({ page }) => {
  await signIn(page, "canbo@thientin.danban.local");
  await page.goto("/thien-tin/staff/inspection");
  await expect(page.getByRole("heading", { name: "Trả lời Ban Thanh tra nhân dân", level: 1 })).toBeVisible();
  await expectAccessible(page, "staff inspection page");
  const item = page.getByTestId("inspection-item").filter({ hasText: RECOMMENDATION });
  await item.getByLabel("Nội dung trả lời").fill(ANSWER);
  await item.getByRole("button", { name: "Gửi trả lời" }).click();
  // What lasts, not the form's passing confirmation (the page refreshes and the form goes with the item
  // into the answered list): the recommendation is answered, and nothing is left to answer on it.
  const answered = page.getByTestId("inspection-item").filter({ hasText: RECOMMENDATION }).filter({ has: page.locator('[data-testid="answer-clock"][data-state="answered"]') });
  await expect(answered).toHaveCount(1);
  await expect(page.getByTestId("inspection-item").filter({ hasText: RECOMMENDATION }).getByRole("button", { name: "Gửi trả lời" })).toHaveCount(0);

  await page.goto("/thien-tin/inspection-board");
  const published = page.getByTestId("public-recommendation").filter({ hasText: RECOMMENDATION });
  await expect(published).toContainText(ANSWER);
  await expect(published.getByTestId("answer-clock")).toHaveAttribute("data-state", "answered");
  await expectAccessible(page, "public inspection page with an answer");

  const year = vnDay(0).slice(0, 4);
  const pdf = await page.request.get(`/api/communes/thien-tin/inspection/report/pdf?period=${year}`);
  expect(pdf.status()).toBe(200);
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  const docx = await page.request.get(`/api/communes/thien-tin/inspection/report/docx?period=${year}`);
  expect(docx.status()).toBe(200);
  const xml = await (await JSZip.loadAsync(await docx.body())).file("word/document.xml")!.async("string");
  expect(xml).toContain("TRƯỞNG BAN");
  expect(xml).toContain(RECOMMENDATION);
  expect(xml).toContain("BTTND");
});
