// Petitions and feedback (issue 12 §2) in the browser: a resident on a 360×640 phone files a pothole
// with a photo and follows it to "fixed"; staff move it through its states on their page; the sender
// answers the four-week question.
import { expect, expectAccessible, query, signIn, test } from "./fixtures";

const RESIDENT = "0901000002";
const STAFF = "canbo@thientin.danban.local";
/** An 8×8 PNG, real enough for the image check; the server re-encodes it without metadata. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEUlEQVQImWOoiLLBihiGlgQAb05DgeDbNN0AAAAASUVORK5CYII=", "base64");

test("a resident files a pothole with a photo on a phone, staff take it to resolved, the resident says it is fixed @phone", async ({ page, browser }) => {
  await signIn(page, RESIDENT);
  await page.goto("/thien-tin/cases/new");
  await expectAccessible(page, "filing form on a phone");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "horizontal scroll on the filing form").toBeLessThanOrEqual(0);

  await page.getByLabel("Loại").selectOption("FEEDBACK");
  // Nothing typed is lost on an error: the title is kept when the category is missing.
  await page.getByLabel("Tiêu đề").fill("Ổ gà trước cổng trường");
  await page.getByLabel("Nội dung").fill("Ổ gà lớn ngay cổng trường tiểu học, học sinh đạp xe dễ ngã.");
  await page.getByRole("button", { name: "Gửi", exact: true }).tap();
  await expect(page.getByText("Vui lòng chọn lĩnh vực của kiến nghị, phản ánh.")).toBeVisible();
  await expect(page.getByLabel("Tiêu đề")).toHaveValue("Ổ gà trước cổng trường");

  await page.getByLabel("Lĩnh vực").selectOption({ label: "Đường sá, cầu cống" });
  await page.getByLabel("Ảnh (tối đa 3)").setInputFiles({ name: "o-ga.png", mimeType: "image/png", buffer: PNG });
  await page.getByRole("button", { name: "Gửi", exact: true }).tap();
  await page.waitForURL(/\/thien-tin\/cases\/\d+$/);
  const number = Number(page.url().split("/").pop());
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`#${number} Ổ gà trước cổng trường`);
  await expect(page.getByTestId("case-state")).toHaveText("Đã tiếp nhận");
  await expect(page.getByRole("img", { name: "Ảnh 1 kèm theo" })).toBeVisible();
  await expectAccessible(page, "case page on a phone");
  const [row] = await query<{ id: string; isPublic: boolean }>(`SELECT id, "isPublic" FROM "Case" WHERE number = $1 AND title = 'Ổ gà trước cổng trường'`, [number]);
  expect(row!.isPublic).toBe(true);

  // Staff, on their own computer, move it through its states.
  const staffContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const staff = await staffContext.newPage();
  await signIn(staff, STAFF);
  await staff.goto("/thien-tin/staff/cases");
  await expectAccessible(staff, "staff case list");
  await staff.getByRole("link", { name: "Ổ gà trước cổng trường" }).first().click();
  await staff.waitForURL(`**/staff/cases/${number}`);
  await expectAccessible(staff, "staff case page");
  for (const [state, label, text] of [
    ["ACCEPTED", "Đã thụ lý", "Xã đã tiếp nhận, sẽ vá trong tuần."],
    ["IN_PROGRESS", "Đang xử lý", "Đội giao thông đang vá."],
    ["RESOLVED", "Đã giải quyết", "Đã vá xong ổ gà."],
  ] as const) {
    const form = staff.locator("form").filter({ has: staff.getByLabel("Trạng thái mới") });
    await form.getByLabel("Trạng thái mới").selectOption(state);
    await form.getByLabel("Nội dung", { exact: true }).fill(text);
    await form.getByRole("button", { name: "Lưu" }).click();
    await expect(staff.getByTestId("case-state")).toHaveText(label);
  }
  await staffContext.close();

  // The resident sees each step; four weeks later (the scheduler's ask, brought forward) they answer.
  await page.reload();
  await expect(page.getByTestId("case-state")).toHaveText("Đã giải quyết");
  await expect(page.getByText("Đã vá xong ổ gà.")).toBeVisible();
  await query(`UPDATE "Case" SET "fixAskedAt" = now() WHERE id = $1`, [row!.id]);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Việc này đã được khắc phục chưa?" })).toBeVisible();
  await expectAccessible(page, "case page with the four-week question");
  await page.getByLabel("Câu trả lời của bạn").selectOption("YES");
  await page.getByRole("button", { name: "Gửi câu trả lời" }).tap();
  await expect(page.getByText("Bạn đã trả lời: Đã khắc phục.")).toBeVisible();

  // It is on the public list, with its state.
  await page.goto("/thien-tin/cases");
  await expectAccessible(page, "public cases on a phone");
  await expect(page.getByTestId("case-item").filter({ hasText: `#${number} Ổ gà trước cổng trường` })).toContainText("Đã giải quyết");
  const after = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(after, "horizontal scroll on the public list").toBeLessThanOrEqual(0);
});

test("a denunciation is on no public page, and its sender is hidden from staff other than the handler", async ({ page }) => {
  const [denunciation] = await query<{ number: number }>(`SELECT number FROM "Case" WHERE kind = 'DENUNCIATION' AND "handlerId" IS NULL LIMIT 1`);
  await page.goto("/thien-tin/cases");
  await expectAccessible(page, "public cases");
  await expect(page.getByText("Tố cáo việc thu tiền sai quy định")).toHaveCount(0);
  const response = await page.goto(`/thien-tin/cases/${denunciation!.number}`);
  expect(response!.status()).toBe(404);
  await expectAccessible(page, "not found");
  await signIn(page, "chutich@thientin.danban.local");
  await page.goto(`/thien-tin/staff/cases/${denunciation!.number}`);
  await expectAccessible(page, "staff denunciation page");
  await expect(page.getByTestId("case-sender")).toHaveText("(được giữ bí mật)");
});

test("the public list keeps its filters in the address, is served from its cached view, and the map loads its pins after it", async ({ page }) => {
  const [counted] = await query<{ count: string }>(
    `SELECT count(*) FROM "Case" c JOIN "Commune" m ON m.id = c."communeId" WHERE m.slug = 'thien-tin' AND c."isPublic" AND c.kind IN ('PETITION','FEEDBACK') AND c."mergedIntoId" IS NULL AND c.state = 'RECEIVED' AND c.lat IS NOT NULL`,
  );
  await page.goto("/thien-tin/cases?state=RECEIVED&ignored=1");
  await expectAccessible(page, "public cases, filtered");
  await expect(page.getByLabel("Trạng thái")).toHaveValue("RECEIVED");
  for (const item of await page.getByTestId("case-item").all()) await expect(item).toContainText("Đã tiếp nhận");
  // Submitting the form again gives the same address (the filters are the query).
  await page.getByRole("button", { name: "Lọc" }).click();
  await expect(page).toHaveURL(/\/thien-tin\/cases\?category=&state=RECEIVED&village=$/);
  await page.getByRole("heading", { name: "Bản đồ kiến nghị" }).scrollIntoViewIfNeeded();
  await expect(page.getByTestId("case-map-status")).toHaveText(`${counted!.count} việc có vị trí trên bản đồ`);
  // The canonical view itself answers too, and a view that is not canonical is a 404.
  expect((await page.request.get("/thien-tin/cases/view/s-RECEIVED")).status()).toBe(200);
  expect((await page.request.get("/thien-tin/cases/view/p-1")).status()).toBe(404);
});
