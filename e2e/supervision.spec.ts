// A community investment supervision board (issue 13 §4): the Front sets one up for a work of this spec
// (the seeded road work has its board already, prisma/seed/supervision.ts) (a start 44 days after the notice is refused with the article, 45 is accepted), with 5 members
// who each signed their declaration; a resident member records a site visit with a photo (its metadata
// stripped on the server), records a finding and publishes it; the finding is then public.
import { expect, expectAccessible, query, signIn, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

const SLUG = "thien-tin";
const ROAD = `Kênh mương nội đồng Phú Khương – Long Bình (thử ${Date.now().toString(36)})`; // made by this spec
const FINDING = "Đá dăm lót móng đúng chủng loại, độ dày 15 cm như hồ sơ thiết kế.";
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEUlEQVQImWOoiLLBihiGlgQAb05DgeDbNN0AAAAASUVORK5CYII=", "base64");

/** Today in Vietnam plus `days`, as a date field takes it. */
const vnDate = (days: number) => new Date(Date.now() + 7 * 3600 * 1000 + days * 24 * 3600 * 1000).toISOString().slice(0, 10);

async function userId(where: string, value: string) {
  const [row] = await query<{ id: string }>(`SELECT id FROM "User" WHERE ${where} = $1`, [value]);
  return row!.id;
}

test.beforeAll(async () => {
  // A work in progress serving Phú Khương and Long Bình, as staff would have recorded it (lib/works).
  const [commune] = await query<{ id: string }>(`SELECT id FROM "Commune" WHERE slug = $1`, [SLUG]);
  const staff = await userId("email", "canbo@thientin.danban.local");
  const id = `e2e-sup-${Date.now().toString(36)}`;
  await query(
    `INSERT INTO "Work" (id, "communeId", title, description, status, progress, investor, contractor, supervisor, "publishedAt", "createdById", "updatedAt")
     VALUES ($1, $2, $3, 'Kiên cố hóa 1,2 km kênh mương nội đồng.', 'IN_PROGRESS', 10, 'UBND xã Thiện Tín', 'Công ty TNHH Thủy lợi Thử', 'Ban Quản lý dự án huyện', now(), $4, now())`,
    [id, commune!.id, ROAD, staff],
  );
  await query(`INSERT INTO "WorkVillage" ("workId", "villageId") SELECT $1, id FROM "Village" WHERE "communeId" = $2 AND name IN ('Phú Khương', 'Long Bình')`, [id, commune!.id]);
});

test("the Front sets up the board of the road work: 45 days' notice, 5 members with their declarations", async ({ page }) => {
  const members = [
    await userId("email", "mttq@thientin.danban.local"),
    await userId("phone", "+84901000001"),
    await userId("phone", "+84901000002"),
    await userId("phone", "+84901000004"),
    await userId("email", "truongthon.phukhuong@thientin.danban.local"),
  ];
  await signIn(page, "mttq@thientin.danban.local");
  await page.goto(`/${SLUG}/front`);
  await expectAccessible(page, "Front home");
  await page.getByRole("link", { name: "Ban giám sát đầu tư của cộng đồng" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ban giám sát đầu tư của cộng đồng" })).toBeVisible();
  await expectAccessible(page, "Front supervision page");
  await page.getByRole("link", { name: `Thành lập Ban giám sát cho “${ROAD}”` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Thành lập Ban giám sát");
  await expectAccessible(page, "set-up form");

  await page.getByLabel("Kế hoạch giám sát").fill("Giám sát vật liệu, tiến độ và nghiệm thu từng đoạn tuyến, mỗi tháng một lần.");
  await page.getByLabel("Ngày thông báo cho chủ đầu tư").fill(vnDate(0));
  await page.getByLabel("Ngày bắt đầu giám sát").fill(vnDate(44));
  for (const [i, id] of members.entries()) {
    await page.locator(`#member-${i}`).selectOption(id);
    await page.locator(`#kind-${i}`).selectOption(i === 0 ? "FRONT" : "RESIDENT");
    await page.locator(`[name="declared-${i}"]`).check();
  }
  await page.getByRole("button", { name: "Thành lập Ban và ghi thông báo cho chủ đầu tư" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "ít nhất 45 ngày" })).toBeVisible();
  await expect(page.getByText(/điểm b khoản 1 Điều 45/).first()).toBeVisible();
  await expectAccessible(page, "set-up refused one day short");
  // What was typed stays; one more day and the board is set up.
  await expect(page.getByLabel("Kế hoạch giám sát")).toHaveValue(/Giám sát vật liệu/);
  await page.getByLabel("Ngày bắt đầu giám sát").fill(vnDate(45));
  await page.getByRole("button", { name: "Thành lập Ban và ghi thông báo cho chủ đầu tư" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Ban giám sát: ${ROAD}` })).toBeVisible();
  await expect(page.getByText(/Đã ký cam kết không có quan hệ/)).toHaveCount(5);
  await expectAccessible(page, "board page (Front)");
  const [board] = await query<{ n: string }>(`SELECT count(*) AS n FROM "SupervisionMember" m JOIN "SupervisionBoard" b ON b.id = m."boardId" JOIN "Work" w ON w.id = b."workId" WHERE w.title = $1`, [ROAD]);
  expect(Number(board!.n)).toBe(5);
});

test("a resident member records a visit with a photo and publishes a finding; the finding is public", async ({ page }) => {
  await signIn(page, "0901000001");
  await page.goto(`/${SLUG}/supervision`);
  await expectAccessible(page, "supervision list (member)");
  await page.getByRole("link", { name: "Mở trang Ban giám sát của bạn" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Ban giám sát: ${ROAD}` })).toBeVisible();
  await expectAccessible(page, "board page (member)");

  const visit = page.locator("form").filter({ has: page.getByLabel("Ảnh hiện trường") });
  await visit.getByLabel("Địa điểm, đoạn tuyến").fill("Km 0+300, đầu tuyến thôn Phú Khương");
  await visit.getByLabel("Ghi nhận tại hiện trường").fill("Kiểm tra lớp đá dăm lót móng trước khi đổ bê tông mặt đường.");
  await visit.getByLabel("Ảnh hiện trường").setInputFiles({ name: "hien-truong.png", mimeType: "image/png", buffer: PNG });
  await visit.getByRole("button", { name: "Ghi lần kiểm tra hiện trường" }).click();
  await expect(visit.getByRole("status")).toHaveText("Đã ghi lần kiểm tra.");
  const card = page.getByTestId("supervision-visit").filter({ hasText: "Km 0+300" });
  await expect(card.getByRole("img")).toBeVisible();
  const src = await card.getByRole("img").getAttribute("src");
  const photo = await page.request.get(src!);
  expect(photo.status()).toBe(200);
  expect(photo.headers()["content-type"]).toMatch(/^image\//);
  await expectAccessible(page, "board page after the visit");

  const finding = page.locator("form").filter({ has: page.getByLabel("Kết quả, nhận xét") });
  await finding.getByLabel("Chủ đề").selectOption("MATERIALS");
  await finding.getByLabel("Từ lần kiểm tra").selectOption({ index: 1 });
  await finding.getByLabel("Kết quả, nhận xét").fill(FINDING);
  await finding.getByRole("button", { name: "Ghi kết quả giám sát" }).click();
  await expect(finding.getByRole("status")).toHaveText("Đã ghi kết quả.");
  const recorded = page.getByTestId("supervision-finding").filter({ hasText: FINDING });
  await expect(recorded.getByText(/Chưa công bố/)).toBeVisible();
  await recorded.getByRole("button", { name: "Công bố kết quả này" }).click();
  await expect(recorded.getByText(/^Công bố ngày/)).toBeVisible();
  await expectAccessible(page, "board page after publishing");

  // Public: a visitor sees the published finding, never the board's own page.
  await page.context().clearCookies();
  await page.goto(`/${SLUG}/supervision`);
  await expect(page.getByTestId("published-finding").filter({ hasText: FINDING })).toBeVisible();
  await expectAccessible(page, "public supervision list");
  expect((await page.request.get(src!)).status()).toBe(404);
});
