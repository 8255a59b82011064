// The thin slice through the whole stack: the public home with its map, a consultation page, staff
// creating a consultation with a polygon drawn on the map and publishing it, a resident commenting.
import { expect, expectAccessible, query, signIn, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

const TITLE = "Lắp đặt đèn chiếu sáng đường thôn Bàn Thới";

test("a visitor finds open consultations in a list and on the map", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Chọn xã" })).toBeVisible();
  await expectAccessible(page, "commune chooser");
  await page.getByRole("link", { name: "Xã Thiện Tín" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Các nội dung đang lấy ý kiến" })).toBeVisible();
  // The seed's open consultations are listed (earlier journeys may have published more of their own).
  const cards = page.getByTestId("consultation-card");
  for (const title of ["Nâng cấp, mở rộng tuyến đường liên thôn Phú Khương – Long Bình – Tân Hòa", "Quy hoạch chi tiết khu dân cư mới Đồng Miếu (tỷ lệ 1/500)", "Dự thảo Hương ước thôn Tân Phú 1 (sửa đổi, bổ sung năm 2026)", "Kế hoạch sử dụng đất năm 2027 xã Thiện Tín"]) {
    await expect(cards.filter({ has: page.getByRole("link", { name: title, exact: true }) })).toHaveCount(1);
  }
  // Drafts never are.
  await expect(cards.filter({ hasText: "Đóng góp xây dựng nhà văn hóa thôn Nhơn Lộc 1" })).toHaveCount(0);
  await expect(page.getByText("Dữ liệu minh họa")).toBeVisible();
  const map = page.getByRole("region", { name: "Bản đồ các nội dung" });
  await expect(map.locator(".leaflet-container")).toBeVisible();
  // Commune and village boundaries are drawn, and every open consultation has a marker (or a cluster).
  await expect(map.locator("path.leaflet-interactive").first()).toBeAttached();
  expect(await map.locator(".leaflet-marker-icon").count()).toBeGreaterThan(0);
  await expectAccessible(page, "home");
});

test("a visitor reads a consultation: text, map, periods and status", async ({ page }) => {
  await page.goto("/thien-tin");
  await expectAccessible(page, "home");
  await page.getByRole("link", { name: /Nâng cấp, mở rộng tuyến đường/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Nâng cấp, mở rộng tuyến đường/ })).toBeVisible();
  await expect(page.getByText("Đang lấy ý kiến").first()).toBeVisible();
  await expect(page.getByText(/Còn \d+ ngày/).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Quy mô và hướng tuyến" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Bản đồ" }).locator(".leaflet-container")).toBeVisible();
  await expect(page.getByRole("list", { name: "Các vị trí trên bản đồ" })).toContainText("Tuyến đường nâng cấp (3,2 km)");
  await expect(page.getByTestId("opinion").first()).toBeVisible();
  await expect(page.getByText("Hãy đăng nhập để gửi ý kiến.")).toBeVisible();
  await expectAccessible(page, "consultation page");
});

test("staff create a consultation with a polygon drawn on the map, and publish it", async ({ page }) => {
  await signIn(page, "canbo@thientin.danban.local");
  await page.goto("/thien-tin/staff/consultations/new");
  await expect(page.getByRole("heading", { name: "Tạo nội dung mới" })).toBeVisible();

  await page.getByLabel("Tiêu đề").fill(TITLE);
  await page.getByLabel("Tóm tắt").fill("Lắp 45 bộ đèn LED năng lượng mặt trời dọc đường thôn Bàn Thới.");
  await page.getByLabel("Lĩnh vực").selectOption("PROJECT");
  await page.getByLabel(/1\. Tên mục/).fill("Quy mô");
  await page.getByLabel("Nội dung mục (Markdown)").fill("45 bộ đèn, khoảng cách 30 m.");

  // Draw a polygon: the geoman toolbar, four corners, then the first corner again to close it.
  const map = page.locator(".leaflet-container");
  await expect(map).toBeVisible();
  await page.locator(".leaflet-pm-icon-polygon").click();
  const box = (await map.boundingBox())!;
  const at = (x: number, y: number) => ({ x: box.x + box.width * x, y: box.y + box.height * y });
  for (const [x, y] of [[0.4, 0.4], [0.6, 0.4], [0.6, 0.6], [0.4, 0.6], [0.4, 0.4]] as const) {
    const p = at(x, y);
    await page.mouse.click(p.x, p.y);
  }
  await expect(page.getByTestId("shape-count")).toHaveText("1 hình đã vẽ");
  await page.getByLabel("Nhãn của hình").fill("Khu vực lắp đèn");
  await expectAccessible(page, "new consultation form");

  await page.getByRole("button", { name: "Lưu bản nháp" }).click();
  await expect(page.getByText("Đây là bản nháp: chỉ cán bộ xã xem được.")).toBeVisible();
  await expectAccessible(page, "staff page of the draft");
  const [row] = await query<{ id: string; status: string; geometry: { features: { geometry: { type: string }; properties: { label?: string } }[] } }>(
    `SELECT id, status, geometry FROM "Consultation" WHERE title = $1`,
    [TITLE],
  );
  expect(row?.status).toBe("DRAFT");
  expect(row?.geometry.features[0]?.geometry.type).toBe("Polygon");
  expect(row?.geometry.features[0]?.properties.label).toBe("Khu vực lắp đèn");

  // A visitor cannot see a draft.
  const draft = await page.request.get(`/thien-tin/consultations/${row!.id}`);
  expect(draft.status()).toBe(404);

  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "Công bố" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã công bố lúc" })).toBeVisible();
  await page.getByRole("link", { name: "Xem trang công khai" }).click();
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByRole("list", { name: "Các vị trí trên bản đồ" })).toContainText("Khu vực lắp đèn");
  await expectAccessible(page, "public page of the new consultation");
});

test("a signed-in resident posts an opinion and it appears on the page", async ({ page }) => {
  await signIn(page, "0901000001");
  const [row] = await query<{ id: string }>(`SELECT id FROM "Consultation" WHERE title = $1`, [TITLE]);
  await page.goto(`/thien-tin/consultations/${row!.id}`);
  await expect(page.getByRole("heading", { name: "Gửi ý kiến của bạn" })).toBeVisible();
  await page.getByRole("radio", { name: "Đồng tình", exact: true }).check();
  await page.getByLabel("Ý kiến", { exact: true }).fill("Đề nghị lắp thêm đèn ở ngã tư gần nhà văn hóa <b>thôn</b>.");
  await page.getByRole("button", { name: "Gửi ý kiến" }).click();
  await expect(page.getByText("Đã gửi ý kiến số 1. Cảm ơn bạn!")).toBeVisible();
  const opinion = page.getByTestId("opinion").filter({ hasText: "Đề nghị lắp thêm đèn" });
  await expect(opinion).toBeVisible();
  // Markup typed by a resident is shown as text, never interpreted.
  await expect(opinion).toContainText("<b>thôn</b>");
  await expect(opinion.locator("b")).toHaveCount(0);
  await expectAccessible(page, "consultation page with the opinion form");
});

test("the staff and Front areas are closed to visitors and residents", async ({ page }) => {
  await page.goto("/thien-tin/staff");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fthien-tin%2Fstaff/);
  await expectAccessible(page, "sign-in");

  await signIn(page, "0901000001");
  const staff = await page.goto("/thien-tin/staff");
  expect(staff?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Bạn không có quyền xem trang này" })).toBeVisible();
  await expectAccessible(page, "forbidden staff area");
  const front = await page.goto("/thien-tin/front");
  expect(front?.status()).toBe(403);
  await expectAccessible(page, "forbidden Front area");
});

test("a wrong password gets a clear Vietnamese message", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Số điện thoại hoặc email").fill("0901000002");
  await page.getByLabel("Mật khẩu").fill("sai-mat-khau");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("Số điện thoại, email hoặc mật khẩu không đúng.");
  await expectAccessible(page, "sign-in with an error");
});

test("English pages and the health check", async ({ page, request }) => {
  await page.goto("/en/thien-tin");
  await expect(page.getByRole("heading", { level: 1, name: "Open for comment" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expectAccessible(page, "home in English");
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: "ok", database: { status: "up" } });
});

test("the home page works on a 360×640 phone @phone", async ({ page }) => {
  await page.goto("/thien-tin");
  await expect(page.getByTestId("consultation-card").first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page, "home on a phone");
});
