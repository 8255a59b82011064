// Setting up a real commune (issue 14 §1) in the browser: the platform administrator creates a commune
// with two villages from a GeoJSON file (an overlapping third refused, then removed), names its first
// staff member, who publishes a consultation in it; a commune administrator's settings screen shows
// the floors and refuses a figure below the law. Axe on every page.
import path from "node:path";

import { expect, expectAccessible, query, signIn, test } from "./fixtures";

const ADMIN = "admin@danban.local"; // a platform administrator (and an administrator of Thiện Tín)
const STAFF = "canbo@nghiahanh.danban.local"; // staff of Nghĩa Hành: becomes the new commune's first staff member
const fixture = (name: string) => path.join(process.cwd(), "lib/setup/fixtures", name);

test("an administrator sets up a commune with two villages from a GeoJSON file; its first staff member publishes in it", async ({ page, browser }) => {
  test.setTimeout(300_000);
  const n = Date.now() % 1_000_000;
  const slug = `song-van-${n}`;
  const name = `Sông Vân ${n}`;

  await signIn(page, ADMIN);
  await page.goto("/admin");
  await expectAccessible(page, "platform administration");
  await page.getByRole("link", { name: "Thiết lập xã mới" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Thiết lập xã mới" })).toBeVisible();
  await page.getByLabel('Tên xã (không có chữ "xã")').fill(name);
  await page.getByLabel("Tỉnh, thành phố").fill("Quảng Ngãi");
  await page.getByLabel("Địa chỉ web của xã").fill(slug);
  await page.getByLabel("Địa chỉ trụ sở UBND xã").fill(`Thôn Đông Sơn, xã ${name}, tỉnh Quảng Ngãi`);
  await page.getByLabel("Tên chính thức của Ủy ban nhân dân").fill(`Ủy ban nhân dân xã ${name}`);
  await page.getByLabel("Tên chính thức của Ủy ban MTTQ").fill(`Ủy ban Mặt trận Tổ quốc Việt Nam xã ${name}`);

  const importer = page.getByLabel("Nhập từ tệp (GeoJSON, KML, Shapefile nén ZIP)");
  await importer.setInputFiles(fixture("two-villages.geojson"));
  await expect(page.getByText("Đã đọc 2 thôn, tổ dân phố từ two-villages.geojson.")).toBeVisible();
  await importer.setInputFiles(fixture("overlapping-village.geojson"));
  await expect(page.getByTestId("village-count")).toHaveText("3 thôn, tổ dân phố sẽ được lưu.");
  await expect(page.locator(".leaflet-container")).toBeVisible();
  await expectAccessible(page, "new commune form with villages");

  // The overlapping village is refused on saving, naming both villages; what was typed stays.
  await page.getByRole("button", { name: "Tạo xã" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "chồng lấn" })).toContainText('"Đông Sơn" và "Chồng Lấn"');
  await expect(page.getByLabel("Địa chỉ web của xã")).toHaveValue(slug);
  await page.getByRole("button", { name: "Bỏ Chồng Lấn" }).click();
  await expect(page.getByTestId("village-count")).toHaveText("2 thôn, tổ dân phố sẽ được lưu.");
  await page.getByRole("button", { name: "Tạo xã" }).click();
  await page.waitForURL(new RegExp(`/admin/communes/${slug}$`));
  await expect(page.getByTestId("commune-villages")).toContainText("Thôn Đông Sơn");
  await expect(page.getByTestId("commune-villages")).toContainText("Thôn Tây Sơn");
  await expectAccessible(page, "the new commune's administration page");

  // Its first staff member, by a confirmed email.
  await page.getByLabel("Email đã xác nhận hoặc số điện thoại").fill(STAFF);
  await page.getByLabel("Vai trò").selectOption("STAFF");
  await page.getByRole("button", { name: "Chỉ định" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã chỉ định" })).toBeVisible();
  await expect(page.getByTestId("commune-members")).toContainText("Cán bộ xã");
  const [commune] = await query<{ id: string; villages: string }>(`SELECT c.id, count(v.id)::text AS villages FROM "Commune" c JOIN "Village" v ON v."communeId" = c.id WHERE c.slug = $1 GROUP BY c.id`, [slug]);
  expect(commune!.villages).toBe("2");

  // The staff member publishes a consultation in the new commune.
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signIn(staff, STAFF);
  await staff.goto(`/${slug}/staff/consultations/new`);
  await expectAccessible(staff, "new consultation in the new commune");
  const title = `Mở rộng đường liên thôn Đông Sơn – Tây Sơn (${n})`;
  await staff.getByLabel("Tiêu đề").fill(title);
  await staff.getByLabel("Tóm tắt").fill("Lấy ý kiến Nhân dân về hướng tuyến và mặt cắt đường liên thôn.");
  await staff.getByLabel(/1\. Tên mục/).fill("Hướng tuyến");
  await staff.getByLabel("Nội dung mục (Markdown)").fill("Theo bờ kênh phía tây, rộng 5 m.");
  await staff.getByRole("button", { name: "Lưu bản nháp" }).click();
  await expect(staff.getByText("Đây là bản nháp: chỉ cán bộ xã xem được.")).toBeVisible();
  await expectAccessible(staff, "draft in the new commune");
  staff.once("dialog", (d) => d.accept());
  await staff.getByRole("button", { name: "Công bố" }).click();
  await expect(staff.getByRole("status").filter({ hasText: "Đã công bố lúc" })).toBeVisible();
  const [row] = await query<{ status: string }>(`SELECT status FROM "Consultation" WHERE "communeId" = $1 AND title = $2`, [commune!.id, title]);
  expect(row!.status).toBe("PUBLISHED");
  await staffContext.close();
});

test("a commune administrator's settings show the law's floors and refuse a figure below one", async ({ page }) => {
  test.setTimeout(240_000); // a slow shared machine: axe on a long form, twice
  await signIn(page, ADMIN);
  await page.goto("/thien-tin/staff/settings");
  await expect(page.getByRole("heading", { level: 1, name: "Cài đặt của xã" })).toBeVisible();
  await expect(page.getByTestId("tile-server")).toContainText("TILE_URL");
  await expectAccessible(page, "settings screen");
  const row = page.getByTestId("legal-CONSULTATION_LAND_USE_PLAN");
  await expect(row).toContainText("Tối thiểu 45 — Luật Đất đai 2024, Điều 70");
  const box = page.locator("#legal\\.CONSULTATION_LAND_USE_PLAN\\.minCommentDays");
  await box.fill("44");
  await page.getByRole("button", { name: "Lưu cài đặt" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "thấp hơn mức tối thiểu 45" })).toContainText("Luật Đất đai 2024, Điều 70");
  await expect(box).toHaveValue("44");
  await expectAccessible(page, "settings screen with a refusal");
  await box.fill("45");
  await page.getByRole("button", { name: "Lưu cài đặt" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã lưu cài đặt." })).toBeVisible();
  const [saved] = await query<{ settings: { legal?: Record<string, { minCommentDays?: number }> } }>(`SELECT settings FROM "Commune" WHERE slug = 'thien-tin'`);
  expect(saved!.settings.legal?.CONSULTATION_LAND_USE_PLAN?.minCommentDays).toBe(45);
});
